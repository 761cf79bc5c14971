"""Addresses of the site's pages, each reversed once per language and arguments.

A petition page writes about a dozen addresses (the header's, the footer's, its
Member's, session's and subject's), and ``reverse`` costs tens of microseconds each
time: a page's address changes only with the URL configuration, the script prefix
and the language, which the memo is keyed by.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def address(name, *args):
    """``reverse(name, args=args)``, remembered."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reversed(urlconf, get_script_prefix(), get_language(), name, args)


@lru_cache(maxsize=4096)
def _reversed(urlconf, prefix, language, name, args):
    # Called with that prefix and language active: reverse reads them itself.
    return reverse(name, urlconf=urlconf, args=args)
