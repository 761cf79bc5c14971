"""A session is named in the page's language, whichever language named it before."""

from django.utils import translation

from petitions.models import session_name


def test_session_names_follow_the_language():
    expected = {
        "en": ("43rd Parliament, 2nd Session", "1st Parliament, 1st Session"),
        "fr": ("43e législature, 2e session", "1re législature, 1re session"),
    }
    for language in ("en", "fr", "en", "fr"):
        with translation.override(language):
            assert (session_name(43, 2), session_name(1, 1)) == expected[language]
