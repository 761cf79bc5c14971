"""What an app server checks before it serves (config/wsgi.py, config/asgi.py)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def refuse_without_secret_key():
    """Production serves only with a real key (config/settings.py checks its strength)."""
    try:
        settings.SECRET_KEY  # noqa: B018 (Django refuses an empty key when it is read)
    except ImproperlyConfigured as error:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (production). "
            "For development, set DJANGO_DEBUG=1 (the Makefile's targets do)."
        ) from error
