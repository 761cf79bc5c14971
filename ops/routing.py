"""Anonymous readers of the record are served from a replica; everything else from the primary.

With replicas configured (``DATABASE_REPLICA_URLS``), a request may read the record
(the ``petitions`` and ``responses`` apps) from a replica only when it is a GET or
HEAD outside the admin, from someone not signed in. Everything else uses the
primary (``default``): every write, every request of a signed-in clerk (the admin,
history, imports, and the public pages they look at, so a clerk always sees their
own change), and, for everyone, the tables that are not the record (sessions,
accounts, login lockouts, the record's version).

The replica is chosen when the request first reads the record, among those
``ops.replicas`` finds ready for the record's current version (read on the
primary; the page cache has usually read it already, ``request.record_version``).
If the chosen replica fails during the request, the page is made again from the
primary (a GET changes nothing), and the replica is skipped for a while: a replica
going down costs a reader nothing but time.

Without replicas nothing here runs a query or changes a thing: every read goes to
the primary, and the middleware passes requests straight on.
"""

import contextvars
import random

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpResponse

from pagecache.models import current_version

from .middleware import DATABASE_UNAVAILABLE
from .replicas import replicas

# The apps whose rows are the public record, kept current by the record's version.
RECORD_APPS = frozenset({"petitions", "responses"})
SAFE_METHODS = ("GET", "HEAD")
PRIMARY_ONLY_PREFIXES = ("/admin/",)
# X-Database-Alias (DJANGO_DIAGNOSTIC_HEADERS) when the request read no record.
NO_READ = "none"

_reads = contextvars.ContextVar("record_reads", default=None)


class RequestReads:
    """Where this request reads the record: chosen at the first read, then kept."""

    def __init__(self, request):
        self.request = request
        self.alias = None
        self.retried = False

    def choose(self):
        if self.alias is None:
            self.alias = DEFAULT_DB_ALIAS  # what reads made while choosing get
            self.alias = choose_replica(self.request)
        return self.alias


def choose_replica(request):
    """A replica ready for the record as it stands, or the primary."""
    user = getattr(request, "user", None)  # None in the API, which knows no one
    if user is not None and user.is_authenticated:
        return DEFAULT_DB_ALIAS
    version = getattr(request, "record_version", None)
    if version is None:
        version = current_version()
    aliases = list(settings.DATABASE_REPLICAS)
    start = random.randrange(len(aliases))
    for alias in aliases[start:] + aliases[:start]:
        if replicas.ready(alias, version):
            return alias
    return DEFAULT_DB_ALIAS


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if model._meta.app_label not in RECORD_APPS:
            return DEFAULT_DB_ALIAS
        reads = _reads.get()
        return None if reads is None else reads.choose()

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every database holds the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # Replicas copy the primary's schema; nothing is migrated on them directly.
        return False if db in settings.DATABASE_REPLICAS else None


class ReplicaReadsMiddleware:
    """Marks the requests that may read the record from a replica; retries one that failed there.

    Placed after the page cache, so a page served from it reads nothing, and a
    retry runs only the view (and the few middleware after this one) again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.DATABASE_REPLICAS or not may_use_replica(request):
            return diagnose(self.get_response(request), DEFAULT_DB_ALIAS)
        reads = RequestReads(request)
        token = _reads.set(reads)
        try:
            response = self.get_response(request)
            if reads.retried:
                response = self.get_response(request)
        finally:
            _reads.reset(token)
        return diagnose(response, reads.alias or NO_READ)

    def process_exception(self, request, exception):
        reads = _reads.get()
        if (
            reads is None
            or reads.retried
            or reads.alias in (None, DEFAULT_DB_ALIAS)
            or not isinstance(exception, DATABASE_UNAVAILABLE)
        ):
            return None
        if connections[reads.alias].errors_occurred:
            replicas.failed(reads.alias, exception)
        reads.alias = DEFAULT_DB_ALIAS
        reads.retried = True
        return HttpResponse(status=503)  # replaced: __call__ makes the page again


def may_use_replica(request):
    return request.method in SAFE_METHODS and not request.path.startswith(PRIMARY_ONLY_PREFIXES)


def diagnose(response, alias):
    """Name the database the record was read from (DJANGO_DIAGNOSTIC_HEADERS only).

    Set when the page is made, so a page kept by the page cache names the database
    it was made from (its ``Cache-Status`` says it came from the cache).
    """
    if settings.DIAGNOSTIC_HEADERS:
        response["X-Database-Alias"] = alias
    return response
