"""Dates as the House publishes them, in Ottawa time and the page's language; search snippets."""

import datetime
import functools
from typing import NamedTuple

from django.template.defaultfilters import date as date_filter
from django.utils import dateformat, formats, timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext, override, pgettext

from petitions.choices import Status
from petitions.rules import OTTAWA
from petitions.search import HIGHLIGHT_START, HIGHLIGHT_STOP


def ottawa_datetime(value):
    """ "September 15, 2020, at 9:30 a.m. (EDT)" / "15 septembre 2020 à 9 h 30 (HAE)"."""
    if not value:
        return ""
    local = timezone.localtime(value, OTTAWA)
    strings = _moment_strings(get_language())
    pattern = strings.first_day_pattern if local.day == 1 else strings.pattern
    return strings.with_zone % {"moment": _formatted(local, pattern), "zone": strings.zone}


def _formatted(moment, pattern):
    """``dateformat.format(moment, pattern)`` (what the date filter writes, the pattern
    being a format and not a setting's name), the pattern read once."""
    written = dateformat.DateFormat(moment)
    return "".join(text or str(getattr(written, char)()) for char, text in _pieces(pattern))


@functools.lru_cache(maxsize=16)
def _pieces(pattern):
    """A date format's pieces, as dateformat reads it: (format character, "") or
    ("", literal text)."""
    return tuple(
        (piece, "") if index % 2 else ("", dateformat.re_escaped.sub(r"\1", piece))
        for index, piece in enumerate(dateformat.re_formatchars.split(pattern))
        if index % 2 or piece
    )


class MomentStrings(NamedTuple):
    pattern: str
    first_day_pattern: str
    with_zone: str
    zone: str


@functools.lru_cache(maxsize=8)
def _moment_strings(language):
    """A moment's formats and labels in a language, looked up once: four translation
    lookups cost more than writing the moment itself."""
    with override(language):
        return MomentStrings(
            pattern=pgettext("date and time format", r"F j, Y, \a\t g:i a"),
            first_day_pattern=pgettext(
                "date and time format, first day of a month", r"F j, Y, \a\t g:i a"
            ),
            with_zone=pgettext("date and time with its time zone", "%(moment)s (%(zone)s)"),
            # The House labels every time "(EDT)" / "(HAE)", winter included: the clock
            # time is Ottawa's, and the page reads as the House prints it.
            zone=pgettext("Ottawa time zone as the House labels it", "EDT"),
        )


def long_date(value):
    """ "October 26, 2020" / "26 octobre 2020" (and "1er octobre 2020"); a moment's day is
    its day in Ottawa, as the House dates it."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value, OTTAWA).date()
    return _long_date(value, get_language())


@functools.lru_cache(maxsize=8192)
def _long_date(day, language):
    """A day's long form in a language, remembered: writing one costs about 20 µs of
    translation lookups, a list shows two a petition, and the record has a few thousand
    days."""
    if day.day == 1:
        return date_filter(day, pgettext("date format, first day of a month", "F j, Y"))
    return date_filter(day, pgettext("date format", "F j, Y"))


def highlight(snippet):
    """A search snippet, escaped, with the matching words in <mark>."""
    marked = conditional_escape(snippet)
    marked = marked.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    return mark_safe(marked)  # noqa: S308 - escaped above; only our marks are HTML


def listing_facts(petition):
    """A listed petition's line of facts: "Presented October 26, 2020 · Member ·
    1234 signatures · Response tabled December 9, 2020".

    Built in Python: its messages have plurals, which `makemessages` reads only in
    Python, and a list page writes twenty of these lines.
    """
    when = ""
    if petition.presented_on:
        when = _message(gettext("Presented %(date)s"), date=long_date(petition.presented_on))
    elif petition.opened_at:
        when = _message(gettext("Opened %(date)s"), date=long_date(petition.opened_at))
    facts = []
    if petition.sponsor:
        facts.append(conditional_escape(petition.sponsor.name))
    if petition.signatures is not None:
        counted = ngettext("%(counter)s signature", "%(counter)s signatures", petition.signatures)
        facts.append(_message(counted, counter=formats.localize(petition.signatures)))
    if petition.has_response:
        tabled = long_date(petition.response.tabled_on)
        response = _message(gettext("Response tabled %(date)s"), date=tabled)
        if petition.response_late:
            late = conditional_escape(gettext("late"))
            response += f' <span class="late">{late}</span>'
        facts.append(response)
    elif petition.status == Status.PRESENTED:
        due = long_date(petition.response_due_on)
        facts.append(_message(gettext("Response due %(date)s"), date=due))
    return mark_safe(when + "".join(f" · {fact}" for fact in facts))  # noqa: S308 - escaped


def _message(message, **values):
    """A translated message with its values escaped (the message itself is trusted)."""
    return message % {name: conditional_escape(value) for name, value in values.items()}
