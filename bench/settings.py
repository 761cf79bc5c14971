"""Production settings plus a minimal view, for measuring against the framework's floor."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The benchmark serves templates without collecting static files first.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
