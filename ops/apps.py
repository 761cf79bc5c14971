import os
from pathlib import Path

from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import request_finished
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = _("Operations")

    def ready(self):
        from .request_id import forget_request_id

        request_finished.connect(forget_request_id, dispatch_uid="ops.forget_request_id")
        check_rates()
        checks.register(rate_limit_file_is_writable)


# Each rate setting and the variable it is read from.
RATES = {
    "PAGE_RATE": "DJANGO_PAGE_RATE",
    "EXPORT_RATE": "DJANGO_EXPORT_RATE",
    "API_ANONYMOUS_RATE": "DJANGO_API_RATE",
}


def check_rates():
    """A malformed rate stops the server at start, not every page at its first request."""
    from .ratelimit import parse_rate

    for name, variable in RATES.items():
        try:
            parse_rate(getattr(settings, name))
        except ValueError as error:
            raise ImproperlyConfigured(f"{variable}: {error}") from None


def rate_limit_file_is_writable(app_configs=None, **kwargs):
    """Without it the limits are not counted (requests pass, and the log says so)."""
    if settings.CACHES["ratelimit"]["BACKEND"] != "ops.sharedcache.SharedFileCache":
        return []  # counted in the shared cache (DJANGO_CACHE_URL)
    folder = Path(settings.CACHES["ratelimit"]["LOCATION"]).parent
    if folder.is_dir() and os.access(folder, os.W_OK):
        return []
    return [
        checks.Warning(
            f"The rate limits cannot count in {folder}: it is not a folder the server "
            "may write to.",
            hint="Set DJANGO_RATE_LIMIT_FILE to a file in a writable folder.",
            id="ops.W001",
        )
    ]
