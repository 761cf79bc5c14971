"""Settings for the test suite: production settings with a throwaway key."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-" + "k" * 50)
# The suite runs as one server does: its own caches, one database. The settings of
# several servers are tested against a real cluster (tests/cluster/), which gets
# them from its own environment.
for name in ("DJANGO_CACHE_URL", "DATABASE_REPLICA_URLS", "DJANGO_DIAGNOSTIC_HEADERS"):
    os.environ.pop(name, None)

from config.settings import *  # noqa: E402, F403

# Tests render templates without running collectstatic first.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test client speaks plain HTTP; tests/ops/test_security.py checks the redirect.
SECURE_SSL_REDIRECT = False

# Query counts and rendering are tested on fresh responses; tests/pagecache
# turns the page cache on where it is what is being tested.
PAGE_CACHE_SECONDS = 0

# Rate limits count in a file of the test run's own, emptied before each test
# (tests/conftest.py); tests of the limits set them low.
RATE_LIMIT_FOLDER = tempfile.mkdtemp(prefix="petition-record-tests-")
CACHES = {
    **CACHES,  # noqa: F405
    "ratelimit": {
        **CACHES["ratelimit"],  # noqa: F405
        "LOCATION": os.path.join(RATE_LIMIT_FOLDER, "ratelimits.sqlite3"),
    },
}
