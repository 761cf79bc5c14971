"""The filter form's choices that come from the record: sessions, Members, subjects, keywords.

A list page offers several hundred of them, and they change only when the
record does; so they are read, labelled and written out as <option>s once per
record version and language, and only when a form is shown (the API validates
with the same form and never lists them). Each process keeps them in memory; the
first to need a version's lists also puts them in the shared cache (``default``:
with several app servers, the one they share), where the others find them
instead of reading them again.
"""

import functools
import threading

from django.core.cache import caches
from django.utils.translation import get_language

from .widgets import write_options

# Long enough for a version's lists to be found by every server; a new version
# makes new keys, so this only bounds what an unchanging record leaves behind.
SHARED_SECONDS = 24 * 3600


class RecordChoices:
    def __init__(self):
        self._lock = threading.Lock()
        self._version = None
        self._lists = {}

    def apply(self, fields, names, version):
        """Make the named fields' widgets list their choices from this cache, for the
        record's ``version``: a callable, read only when a choice is needed, and
        once (functools.cache around pagecache.models.current_version)."""
        for name in names:
            if name in fields:
                widget = fields[name].widget
                cached = functools.partial(self._cached, name, fields[name], version)
                widget.choices = lambda cached=cached: cached()[0]
                widget.options_html = lambda cached=cached: cached()[1]

    def _cached(self, name, field, version):
        """A field's (value, label) pairs and their <option>s, made once per record version."""
        key = (name, get_language())
        with self._lock:
            if version() != self._version:
                self._version, self._lists = version(), {}
            lists = self._lists
        if key not in lists:
            shared = caches["default"]
            shared_key = f"record-choices:{version()}:{name}:{key[1]}"
            found = shared.get(shared_key)
            if found is None:
                choices = [(str(value), str(label)) for value, label in field.choices]
                found = (choices, write_options(choices))
                shared.set(shared_key, found, SHARED_SECONDS)
            lists[key] = found
        return lists[key]


record_choices = RecordChoices()
