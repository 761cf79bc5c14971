"""Form widgets of the public pages."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


def write_options(choices):
    """<option> elements, none selected."""
    return "\n".join(
        f'<option value="{escape(str(value))}">{escape(str(label))}</option>'
        for value, label in choices
    )


class QuickSelect(forms.Select):
    """A single-choice <select> without option groups, written out in Python.

    Django renders every <option> through a template include. The filter form
    offers every Member, keyword and session, and that rendering was most of a
    list page's time; this widget gives the same markup in a fraction of it.
    ``options_html``, when set, is a callable giving the options already
    written out (petitions/record_choices.py caches them).
    """

    options_html = None

    def render(self, name, value, attrs=None, renderer=None):
        options = self.options_html() if self.options_html else write_options(self.choices)
        for chosen in self.format_value(value):
            tag = f'<option value="{escape(chosen)}">'
            options = options.replace(tag, f'<option value="{escape(chosen)}" selected>', 1)
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attributes}>\n{options}\n</select>')  # noqa: S308

    def use_required_attribute(self, initial):
        # Select's own answer looks at the first choice, which normalizes all of them
        # (every Member, every keyword) on every page: a filter is seldom required.
        return self.is_required and super().use_required_attribute(initial)
