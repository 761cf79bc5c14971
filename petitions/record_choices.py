"""The filter form's choices that come from the record: sessions, Members, subjects, keywords.

A list page offers several hundred of them, and they change only when the
record does; so each process reads, labels and writes them out as <option>s
once per record version and language, and only when a form is shown (the API
validates with the same form and never lists them).
"""

import functools
import threading

from django.utils.translation import get_language

from pagecache.models import current_version

from .widgets import write_options


class RecordChoices:
    def __init__(self):
        self._lock = threading.Lock()
        self._version = None
        self._lists = {}

    def apply(self, fields, names):
        """Make the named fields' widgets list their choices from this cache."""
        version = functools.cache(current_version)  # read once per form, when first shown
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
            choices = [(str(value), str(label)) for value, label in field.choices]
            lists[key] = (choices, write_options(choices))
        return lists[key]


record_choices = RecordChoices()
