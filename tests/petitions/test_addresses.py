"""Remembered addresses are the addresses ``reverse`` gives, in each language and
under each script prefix the site is served at."""

from django.urls import clear_script_prefix, reverse, set_script_prefix
from django.utils import translation

from petitions.addresses import address


def test_addresses_follow_the_language_and_the_script_prefix():
    for prefix in ("/", "/record/"):
        set_script_prefix(prefix)
        try:
            for language in ("en", "fr", "en"):
                with translation.override(language):
                    for name, args in (
                        ("petitions:list", ()),
                        ("petitions:detail", ("e-2829",)),
                        ("petitions:session", ("432",)),
                    ):
                        expected = reverse(name, args=args)
                        assert expected.startswith(f"{prefix}{language}/")
                        assert address(name, *args) == expected
        finally:
            clear_script_prefix()
