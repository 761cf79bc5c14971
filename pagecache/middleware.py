"""Anonymous pages served from a cache, with ETags, until the record changes.

The key is the record's version token, the language and the full address, so
a clerk's save (which bumps the version) is seen on the very next request, by
every server process. Clients revalidate each time (``no-cache``) and get a
304 when nothing changed.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import quote_etag

from .models import current_version

CACHEABLE_TYPES = ("text/html", "application/atom+xml", "application/xml", "text/plain")
# The API keeps its own ETags and must count every request for throttling.
EXCLUDED_PREFIXES = ("/admin/", "/api/", "/healthz")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not self._applies(request):
            return self.get_response(request)
        digest = hashlib.sha256(
            f"{current_version()}|{request.LANGUAGE_CODE}|{request.get_full_path()}".encode()
        ).hexdigest()[:32]
        etag = quote_etag(digest)
        if etag in _if_none_match(request):
            # The tag names this very version of this page: the client has it.
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = etag
            patch_cache_control(not_modified, public=True, no_cache=True)
            return not_modified
        cache = caches["pages"]
        response = cache.get(digest)
        if response is None:
            response = self.get_response(request)
            if not self._storable(response):
                return response
            response["ETag"] = etag
            patch_cache_control(response, public=True, no_cache=True)
            cache.set(digest, response, seconds)
        return response

    def _applies(self, request):
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(EXCLUDED_PREFIXES)
            and not request.user.is_authenticated
        )

    def _storable(self, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
        )


def _if_none_match(request):
    header = request.headers.get("If-None-Match", "")
    return {tag.strip() for tag in header.split(",") if tag.strip()}
