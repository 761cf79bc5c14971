"""How many requests an anonymous client may make, so a scraper cannot take the site down."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """DRF's per-address throttle, its rate read from ``API_ANONYMOUS_RATE`` on each request.

    A 429 answer carries ``Retry-After`` (seconds), set by DRF's exception handler.
    """

    def get_rate(self):
        return settings.API_ANONYMOUS_RATE
