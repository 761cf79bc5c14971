"""Every interface string has a French translation, and the compiled catalogue is current."""

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
# The folders `make messages` leaves out: tools and the tests, not the interface.
IGNORED = [".venv", "staticfiles", "tests", "bench", "loadtest"]


def entries():
    return polib.pofile(str(CATALOGUE / "django.po"))


def key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def test_every_french_entry_is_translated_and_none_is_fuzzy():
    po = entries()
    assert len(po) > 200
    assert not po.metadata_is_fuzzy
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    for entry in po.translated_entries():
        for translation in entry.msgstr_plural.values() or [entry.msgstr]:
            assert set(PLACEHOLDER.findall(translation)) <= set(
                PLACEHOLDER.findall(entry.msgid)
            ) | {"counter"}, entry.msgid


def test_french_punctuation_has_a_non_breaking_space_before_colons():
    for entry in entries():
        for translation in entry.msgstr_plural.values() or [entry.msgstr]:
            assert " :" not in translation, translation
            assert " ;" not in translation, translation


def test_the_compiled_catalogue_matches_the_translations():
    """django.mo is committed, so `make run` needs no gettext: it must be current."""
    compiled = {
        key(e): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(CATALOGUE / "django.mo"))
    }
    written = {key(e): (e.msgstr, e.msgstr_plural) for e in entries() if e.msgid}
    compiled.pop((None, "", None), None)
    assert compiled == written, "run `make messages` to recompile locale/fr/LC_MESSAGES/django.mo"


def test_no_interface_string_is_missing_from_the_catalogue(tmp_path, settings, monkeypatch):
    """The strings the code and templates hold now are the catalogue's strings."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is needed to read the strings: apt-get install gettext")
    copy = tmp_path / "fr" / "LC_MESSAGES"
    copy.mkdir(parents=True)
    shutil.copy(CATALOGUE / "django.po", copy / "django.po")
    settings.LOCALE_PATHS = [tmp_path]
    monkeypatch.chdir(settings.BASE_DIR)
    # makemessages writes to a "locale" folder it walks through or finds in the
    # current directory before LOCALE_PATHS: skip and hide the project's own.
    monkeypatch.setattr("os.path.isdir", _hide_project_locale(settings.BASE_DIR))
    call_command(
        "makemessages", locale=["fr"], no_location=True, no_obsolete=True,
        ignore_patterns=[*IGNORED, "locale"], verbosity=0,
    )  # fmt: skip
    found = {key(e) for e in polib.pofile(str(copy / "django.po"))}
    kept = {key(e) for e in entries()}
    assert sorted(found - kept, key=str) == [], "new strings: run `make messages` and translate"
    assert sorted(kept - found, key=str) == [], "unused strings: run `make messages`"


def _hide_project_locale(base_dir):
    import os.path

    real_isdir = os.path.isdir
    project_locale = str(Path(base_dir) / "locale")

    def isdir(path):
        if os.path.abspath(path) == project_locale:
            return False
        return real_isdir(path)

    return isdir
