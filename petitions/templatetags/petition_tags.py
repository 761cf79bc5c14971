"""Dates as the House publishes them, in Ottawa time; search snippets."""

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

from petitions.models import OTTAWA
from petitions.search import HIGHLIGHT_START, HIGHLIGHT_STOP

register = template.Library()


@register.filter
def ottawa_datetime(value):
    """ "September 15, 2020, at 9:30 a.m. (EDT)" (converted to Ottawa time)."""
    if not value:
        return ""
    local = timezone.localtime(value, OTTAWA)
    return date_filter(local, pgettext("date and time format", r"F j, Y, \a\t g:i a (T)"))


@register.filter
def long_date(value):
    """ "October 26, 2020"."""
    if not value:
        return ""
    return date_filter(value, pgettext("date format", "F j, Y"))


@register.filter
def highlight(snippet):
    """A search snippet, escaped, with the matching words in <mark>."""
    marked = conditional_escape(snippet)
    marked = marked.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    return mark_safe(marked)  # noqa: S308 - escaped above; only our marks are HTML
