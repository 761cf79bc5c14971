import sys

from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .middleware import DATABASE_UNAVAILABLE, unavailable_response


@never_cache
@require_safe
def healthz(request):
    """For a load balancer: 200 when the database answers a query, 503 when not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's)."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


def server_error(request):
    """The 500 page, or the 503 when what failed was reaching the database.

    A view's database failure is answered by DatabaseUnavailableMiddleware; this
    catches one raised outside any view (a middleware reading the session, say).
    """
    if isinstance(sys.exception(), DATABASE_UNAVAILABLE):
        return unavailable_response(request)
    return defaults.server_error(request)
