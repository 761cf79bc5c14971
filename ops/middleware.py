"""Response headers and failure handling that apply to every page."""

import logging

from django.db import InterfaceError, OperationalError
from django.template.response import TemplateResponse

logger = logging.getLogger(__name__)

# No page uses these browser features, so no page (or injected script) may.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    ]
)


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not send.

    Admin pages show unpublished work and clerks' sessions, so no cache keeps them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path.startswith("/admin/"):
            response["Cache-Control"] = "no-store"
        return response


class DatabaseUnavailableMiddleware:
    """A clear 503 page, not a 500, while the database cannot be reached.

    Nothing is kept between requests: Django reconnects on the next request,
    so pages come back by themselves when the database does. A clerk's save
    runs in a transaction, so a failure part-way saves nothing, and the page
    says so.
    """

    RETRY_AFTER_SECONDS = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable: %s", exception, exc_info=exception)
        response = TemplateResponse(
            request,
            "503.html",
            {"unsaved": request.method not in ("GET", "HEAD", "OPTIONS")},
            status=503,
        )
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response.render()
