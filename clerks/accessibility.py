"""The admin made usable with a screen reader: every input in the petition form named.

Django's admin leaves inputs without a name a screen reader can announce: the
date and time halves of a date-time field (their "Date:" and "Time:" are bare
text), the cells of a tabular inline (named only by their column's heading), and
the boxes select2 draws for autocomplete fields (named in accessibility.js).
"""

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext


class LabelledSplitDateTime(AdminSplitDateTime):
    """The admin's date and time inputs, each with a label of its own that names
    the field too ("Open for signature: Date"), though only "Date:" shows."""

    template_name = "clerks/widgets/split_datetime.html"
    field_label = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["field_label"] = self.field_label
        return context


class AccessibleFormMixin:
    """For a ModelAdmin: labelled date-time inputs, named autocomplete boxes."""

    formfield_overrides = {models.DateTimeField: {"widget": LabelledSplitDateTime}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, LabelledSplitDateTime):
            formfield.widget.field_label = formfield.label
        return formfield

    @property
    def media(self):
        # A property, not a Media class, so that another mixin's Media class stays.
        # After the admin's autocomplete.js, whose boxes it names.
        return super().media + forms.Media(
            css={"all": ["clerks/accessibility.css"]},
            js=["admin/js/jquery.init.js", "admin/js/autocomplete.js", "clerks/accessibility.js"],
        )


class LabelledInlineFormSetMixin:
    """Names each cell's input after its column and row: "Text [en], demand 2"."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        part = self.model._meta.verbose_name
        for field in form.fields.values():
            if field.widget.is_hidden:
                continue
            if index is None:  # the blank row "Add another" copies
                name = gettext("%(field)s, new %(part)s") % {"field": field.label, "part": part}
            else:
                name = gettext("%(field)s, %(part)s %(number)s") % {
                    "field": field.label,
                    "part": part,
                    "number": index + 1,
                }
            field.widget.attrs.setdefault("aria-label", name)


class LabelledInlineFormSet(LabelledInlineFormSetMixin, BaseInlineFormSet):
    pass
