"""Anonymous pages served from a cache, with ETags, until the record changes.

Each address keeps one copy, with the record's version it was rendered from, in
the ``pages`` cache: this process's memory, or with several app servers the cache
they share (``DJANGO_CACHE_URL``), so a page made by one is served by all. The
address is the whole of it, scheme and host included (feeds, the sitemap and
robots.txt write absolute links, so a request with a forged ``Host`` or
``X-Forwarded-Proto`` only ever gets its own copy), in the request's language, with
only the query parameters the page reads (``reads_query``): the others are dropped
from the request before the page is rendered, so ``?utm_source=...`` is the page
itself, not a new copy and a new rendering.

A copy is served while the record's version is the one it was rendered from (a
clerk's save bumps it in the database, so every process of every server sees the
change on its next request) and for at most ``PAGE_CACHE_SECONDS``. Clients
revalidate each time (``no-cache``) and get a 304 when nothing changed. When the
database cannot be reached, the copy the cache holds is served however old, marked
``Cache-Status: ...; detail=stale``; without one, the page is rendered as usual
(what needs the database then gets the 503 page).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError
from django.http import HttpResponseNotModified, QueryDict
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.utils.http import quote_etag

from .models import current_version

CACHEABLE_TYPES = ("text/html", "application/atom+xml", "application/xml", "text/plain")
# The API keeps its own ETags and must count every request for throttling.
EXCLUDED_PREFIXES = ("/admin/", "/api/", "/healthz")
UNAVAILABLE = (OperationalError, InterfaceError)
CACHE_NAME = "petition-record"
# A copy is served for PAGE_CACHE_SECONDS, and kept longer for the database's
# outages (served stale); the shared cache forgets it after this.
KEEP_SECONDS = 24 * 3600


def reads_query(*names):
    """Declare the query parameters a view reads; the page cache drops the others.

    For a function view; a class-based view (or a feed) sets ``query_parameters``.
    A view that declares nothing keeps every parameter.
    """

    def declare(view):
        view.query_parameters = frozenset(names)
        return view

    return declare


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not self._may_apply(request):
            return self.get_response(request)
        drop_unread_parameters(request)
        address = page_address(request)
        key = hashlib.sha256(address.encode()).hexdigest()[:32]
        try:
            if request.user.is_authenticated:
                return self.get_response(request)
            version = current_version()
        except UNAVAILABLE:
            return self._stale(key) or self.get_response(request)
        # The page is made from a database holding this version (ops.routing).
        request.record_version = version

        etag = quote_etag(hashlib.sha256(f"{version}|{address}".encode()).hexdigest()[:32])
        if etag in _if_none_match(request):
            # The tag names this very version of this page: the client has it.
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = etag
            patch_cache_control(not_modified, public=True, no_cache=True)
            return not_modified
        cache = caches["pages"]
        stored = cache.get(key)
        if stored is not None:
            stored_version, stored_at, response = stored
            if stored_version == version and time.time() - stored_at < settings.PAGE_CACHE_SECONDS:
                response["Cache-Status"] = f"{CACHE_NAME}; hit"
                return response
        response = self.get_response(request)
        if not self._storable(response):
            return response
        response["ETag"] = etag
        patch_cache_control(response, public=True, no_cache=True)
        cache.set(key, (version, time.time(), response), KEEP_SECONDS)
        response["Cache-Status"] = f"{CACHE_NAME}; fwd=miss; stored"
        return response

    def _stale(self, key):
        """This process's copy of the page, however old, while the database is down."""
        stored = caches["pages"].get(key)
        if stored is None:
            return None
        _, stored_at, response = stored
        response["Age"] = str(max(0, int(time.time() - stored_at)))
        response["Cache-Status"] = f"{CACHE_NAME}; hit; detail=stale"
        return response

    def _may_apply(self, request):
        """Whether the request may be served from the cache, before asking who sent it."""
        return request.method in ("GET", "HEAD") and not request.path.startswith(EXCLUDED_PREFIXES)

    def _storable(self, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
        )


def page_address(request):
    """What names a page: scheme, host (with its port), language, path and query."""
    return "|".join(
        [request.scheme, request.get_host(), request.LANGUAGE_CODE, request.get_full_path()]
    )


def drop_unread_parameters(request):
    """Keep only the query parameters the page's view reads, if it says which."""
    if not request.GET:
        return
    names = read_parameters(request.path_info)
    if names is None or names.issuperset(request.GET.keys()):
        return
    kept = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        if name in names:
            kept.setlist(name, values)
    query = kept.urlencode()
    request.META["QUERY_STRING"] = query
    request.GET = QueryDict(query, encoding=request.encoding)


def read_parameters(path):
    """The parameters the view at ``path`` declares it reads, or None when it does not say."""
    try:
        view = resolve(path).func
    except Resolver404:
        return None  # the language redirect keeps the whole query
    while view is not None:
        for holder in (view, getattr(view, "view_class", None)):
            names = getattr(holder, "query_parameters", None)
            if names is not None:
                return frozenset(names)
        view = getattr(view, "__wrapped__", None)
    return None


def _if_none_match(request):
    header = request.headers.get("If-None-Match", "")
    return {tag.strip() for tag in header.split(",") if tag.strip()}
