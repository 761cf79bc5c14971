import sys

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from pagecache.models import current_version

from .middleware import DATABASE_UNAVAILABLE, unavailable_response
from .replicas import replicas


@never_cache
@require_safe
def healthz(request):
    """For a load balancer: which parts this server reaches, asked afresh each time.

    ``database`` (the primary): ``ok`` or ``unavailable``; the status is 503 when it
    is unavailable, 200 otherwise. ``replica``: ``ok`` when every replica may serve,
    ``degraded`` when some may, ``lagging`` or ``unavailable`` when none may (pages
    then come from the primary), ``off`` when none is configured; in ``replicas``,
    each one's state and how long it has lacked a change of the record. ``cache``:
    ``ok``, ``unavailable`` (pages rendered afresh, limits not counted) or ``local``
    (no shared cache: this machine's own). Neither a replica nor the cache being
    down makes the server unfit to serve.
    """
    report = {"status": "ok", "database": "ok", "replica": "off", "cache": "local"}
    version = None
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        version = current_version() if settings.DATABASE_REPLICAS else None
    except DatabaseError:
        report["status"] = report["database"] = "unavailable"
    if settings.DATABASE_REPLICAS:
        states = {
            alias: replicas.check(alias, version or "") for alias in settings.DATABASE_REPLICAS
        }
        report["replicas"] = {alias: state.describe() for alias, state in states.items()}
        usable = sum(state.reachable and not state.lagging for state in states.values())
        if usable:
            report["replica"] = "ok" if usable == len(states) else "degraded"
        elif any(state.reachable for state in states.values()):
            report["replica"] = "lagging"
        else:
            report["replica"] = "unavailable"
    if settings.SHARED_CACHE_URL:
        report["cache"] = "ok" if caches["default"].ping() else "unavailable"
    return JsonResponse(report, status=503 if report["database"] != "ok" else 200)


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
