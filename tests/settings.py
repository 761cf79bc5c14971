"""Settings for the test suite: production settings with a throwaway key."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-" + "k" * 50)

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
