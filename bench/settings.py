"""Production settings plus a minimal view, for measuring against the framework's floor."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The benchmark serves templates without collecting static files first.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The in-process timings ask for hundreds of pages as one client: no per-client limit
# (the served runs turn it off through the environment).
PAGE_RATE = None
API_ANONYMOUS_RATE = None
