"""How much an anonymous client may ask of the API, so a scraper cannot take the site down.

Counted per client (``ops.clients``) in the cache every server process shares
(``ops.ratelimit``): with N processes, the limit is the limit, not N times it.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import Throttled
from rest_framework.throttling import BaseThrottle

from ops import ratelimit
from ops.clients import client_key


class AnonymousRateThrottle(BaseThrottle):
    """``API_ANONYMOUS_RATE`` requests per client, read on each request.

    A 429 answer carries ``Retry-After`` (seconds), set by DRF's exception handler.
    """

    def allow_request(self, request, view):
        self.seconds = ratelimit.hit("api", client_key(request), settings.API_ANONYMOUS_RATE)
        return self.seconds is None

    def wait(self):
        return self.seconds


def admit_export(request):
    """Let a CSV export start, or refuse it with a 429 (``Throttled``) saying when to retry.

    A client may stream ``EXPORTS_PER_CLIENT`` exports at once, and the site
    ``EXPORTS_AT_ONCE`` (``0`` lifts either), and start ``EXPORT_RATE`` of them. Each
    export streams from a server thread for as long as it lasts, so without these ten
    parallel downloads from one client slowed every page to seconds. Returns the slots
    taken, for the response to give back when it ends.
    """
    client = client_key(request)
    mine = ratelimit.Slots(f"export:{client}", settings.EXPORTS_PER_CLIENT or None)
    if not mine.take():
        raise Throttled(
            ratelimit.SLOT_RETRY_SECONDS,
            _("At most %(count)s exports at once: wait for one to finish.")
            % {"count": settings.EXPORTS_PER_CLIENT},
        )
    everyone = ratelimit.Slots("export:all", settings.EXPORTS_AT_ONCE or None)
    if not everyone.take():
        mine.give_back()
        raise Throttled(
            ratelimit.SLOT_RETRY_SECONDS, _("The server is busy with other exports: try again.")
        )
    wait = ratelimit.hit("export", client, settings.EXPORT_RATE)
    if wait is not None:
        mine.give_back()
        everyone.give_back()
        raise Throttled(wait, _("Too many exports: wait before the next one."))
    return [mine, everyone]
