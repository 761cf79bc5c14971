"""The list pages' filter form: the record's filters (petitions.filters) drawn with
fast <select>s, their rows of the record listed from a cache (record_choices)."""

import copy
import functools

from django import forms
from django.utils.translation import get_language

from pagecache.models import current_version
from petitions.filters import PetitionFilter, PetitionFilterForm

from .record_choices import record_choices
from .widgets import QuickSelect

# Fields whose choices are rows of the record, cached between pages.
RECORD_FIELDS = ("parliament", "session", "subject", "keyword", "member")


class ListFilterForm(PetitionFilterForm):
    @classmethod
    def with_fields(cls, base_fields):
        return super().with_fields({name: _quick(field) for name, field in base_fields.items()})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once per form, when first needed: by a <select> or the fragment key.
        self.record_version = functools.cache(current_version)
        record_choices.apply(self.fields, RECORD_FIELDS, self.record_version)

    @property
    def fragment_key(self):
        """All the form's markup depends on, to cache it (filter_form.html): the
        record's version (the choices offered, and which values name nothing), the
        language, the fields shown and the values given for them. Every page of a
        list shows the same form, so paging through one renders it once."""
        getlist = getattr(self.data, "getlist", lambda name: [self.data.get(name)])
        given = [(name, getlist(name)) for name in self.fields]
        return repr((self.record_version(), get_language(), given))


def _quick(field):
    """The field, drawn with a QuickSelect where it has a plain <select>: a copy, since
    the filters' fields are shared with the API's form."""
    if type(field.widget) is not forms.Select:
        return field
    widget = QuickSelect(attrs=field.widget.attrs)
    widget.choices, widget.is_required = field.widget.choices, field.required
    quick = copy.copy(field)
    quick.widget = widget
    return quick


class ListFilter(PetitionFilter):
    class Meta(PetitionFilter.Meta):
        form = ListFilterForm
