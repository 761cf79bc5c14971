"""Form widgets of the public pages."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A single-choice <select> without option groups, written out in Python.

    Django renders every <option> through a template include. The filter form
    offers every Member, keyword and session, and that rendering was most of a
    list page's time; this widget gives the same markup in a fraction of it.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = "\n".join(
            f'<option value="{escape(str(choice))}"'
            f"{' selected' if str(choice) in chosen else ''}>{escape(str(label))}</option>"
            for choice, label in self.choices
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attributes}>\n{options}\n</select>')  # noqa: S308
