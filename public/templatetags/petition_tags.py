"""Dates as the House publishes them, in Ottawa time and the page's language; search snippets."""

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

from petitions.rules import OTTAWA
from petitions.search import HIGHLIGHT_START, HIGHLIGHT_STOP

register = template.Library()


@register.filter
def ottawa_datetime(value):
    """ "September 15, 2020, at 9:30 a.m. (EDT)" / "15 septembre 2020 à 9 h 30 (HAE)"."""
    if not value:
        return ""
    local = timezone.localtime(value, OTTAWA)
    # The House labels every time "(EDT)" / "(HAE)", winter included: the clock time
    # is Ottawa's, and the page reads as the House prints it.
    zone = pgettext("Ottawa time zone as the House labels it", "EDT")
    if local.day == 1:
        pattern = pgettext("date and time format, first day of a month", r"F j, Y, \a\t g:i a")
    else:
        pattern = pgettext("date and time format", r"F j, Y, \a\t g:i a")
    moment = date_filter(local, pattern)
    return pgettext("date and time with its time zone", "%(moment)s (%(zone)s)") % {
        "moment": moment,
        "zone": zone,
    }


@register.filter
def long_date(value):
    """ "October 26, 2020" / "26 octobre 2020" (and "1er octobre 2020")."""
    if not value:
        return ""
    if value.day == 1:
        return date_filter(value, pgettext("date format, first day of a month", "F j, Y"))
    return date_filter(value, pgettext("date format", "F j, Y"))


@register.filter
def highlight(snippet):
    """A search snippet, escaped, with the matching words in <mark>."""
    marked = conditional_escape(snippet)
    marked = marked.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    return mark_safe(marked)  # noqa: S308 - escaped above; only our marks are HTML
