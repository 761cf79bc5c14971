"""The list pages' filter form: the record's filters (petitions.filters) drawn with
fast <select>s, their rows of the record listed from a cache (record_choices)."""

from django import forms

from petitions.filters import PetitionFilter, PetitionFilterForm

from .record_choices import record_choices
from .widgets import QuickSelect

# Fields whose choices are rows of the record, cached between pages.
RECORD_FIELDS = ("parliament", "session", "subject", "keyword", "member")


class ListFilterForm(PetitionFilterForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if type(field.widget) is forms.Select:
                widget = QuickSelect(attrs=field.widget.attrs)
                widget.choices, widget.is_required = field.widget.choices, field.required
                field.widget = widget
        record_choices.apply(self.fields, RECORD_FIELDS)


class ListFilter(PetitionFilter):
    class Meta(PetitionFilter.Meta):
        form = ListFilterForm
