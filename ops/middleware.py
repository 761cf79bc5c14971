"""Response headers and failure handling that apply to every page."""

import logging
import os

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import ratelimit
from .clients import client_key

logger = logging.getLogger(__name__)

# What a failing database raises: cannot connect, connection lost, server gone.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
API_PREFIX = "/api/"

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
    """Headers Django's SecurityMiddleware does not send."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """A clear 503, not a 500, while the database cannot be reached.

    Nothing is kept between requests: Django reconnects on the next request,
    so pages come back by themselves when the database does. A clerk's save
    runs in a transaction, so a failure part-way saves nothing, and the page
    says so. A failure outside any view (in another middleware) is answered
    the same way by ``ops.views.server_error``; the page cache serves what it
    holds (``pagecache``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        logger.error("Database unavailable: %s", exception, exc_info=exception)
        return unavailable_response(request)


def unavailable_response(request):
    """503 with Retry-After: JSON for the API, the 503 page for everything else."""
    if request.path.startswith(API_PREFIX):
        response = JsonResponse(
            {"detail": _("The petition record is temporarily unavailable")}, status=503
        )
        # As api.http.open_data answers: any site's script may read it, and when to retry.
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "Retry-After"
    else:
        response = TemplateResponse(
            request,
            "503.html",
            {"unsaved": request.method not in ("GET", "HEAD", "OPTIONS")},
            status=503,
        ).render()
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class PageRateLimitMiddleware:
    """Each client may ask for ``PAGE_RATE`` public pages; past it, a 429 with Retry-After.

    Every page counts, served from the page cache or not (this runs before it); the
    admin (login lockouts), the API (its own throttle), static files and the health
    check do not.
    """

    EXEMPT_PREFIXES = ("/admin/", API_PREFIX, "/static/", "/media/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.EXEMPT_PREFIXES):
            wait = ratelimit.hit("page", client_key(request), settings.PAGE_RATE)
            if wait is not None:
                return too_many_requests(request, wait)
        return self.get_response(request)


def too_many_requests(request, wait):
    response = TemplateResponse(request, "429.html", {"seconds": wait}, status=429).render()
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response


class DiagnosticHeadersMiddleware:
    """``X-Served-By``: the server and process that answered (``DJANGO_DIAGNOSTIC_HEADERS``).

    Outside the page cache, so a page kept by one server and served by another names
    the one that served it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.DIAGNOSTIC_HEADERS:
            response["X-Served-By"] = f"{settings.SERVER_NAME} pid={os.getpid()}"
        return response
