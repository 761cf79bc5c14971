"""A moment (when a petition opened or closed) reads as Django's date filter writes it
with the catalogue's format, in Ottawa time and the page's language.

``ottawa_datetime`` looks up its formats once per language and reads each format
once; what it writes is what the date filter writes afresh from the catalogue.
"""

import datetime
import zoneinfo

from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation
from django.utils.translation import pgettext
from hypothesis import given
from hypothesis import strategies as st

from petitions.rules import OTTAWA
from public.templating.petitions import ottawa_datetime

MOMENTS = st.datetimes(
    datetime.datetime(1995, 1, 1),
    datetime.datetime(2040, 12, 31),
    timezones=st.sampled_from([datetime.UTC, OTTAWA, zoneinfo.ZoneInfo("Asia/Tokyo")]),
)


def written_afresh(value):
    local = timezone.localtime(value, OTTAWA)
    if local.day == 1:
        pattern = pgettext("date and time format, first day of a month", r"F j, Y, \a\t g:i a")
    else:
        pattern = pgettext("date and time format", r"F j, Y, \a\t g:i a")
    zone = pgettext("Ottawa time zone as the House labels it", "EDT")
    return pgettext("date and time with its time zone", "%(moment)s (%(zone)s)") % {
        "moment": date_filter(local, pattern),
        "zone": zone,
    }


@given(moments=st.lists(st.tuples(MOMENTS, st.sampled_from(["en", "fr"])), max_size=30))
def test_a_moment_reads_as_the_date_filter_writes_it_in_the_pages_language(moments):
    for moment, language in moments * 2:
        with translation.override(language):
            assert ottawa_datetime(moment) == written_afresh(moment)


def test_noon_midnight_and_the_first_of_a_month_in_either_language():
    noon = datetime.datetime(2020, 10, 1, 12, 0, tzinfo=OTTAWA)
    midnight = datetime.datetime(2021, 2, 15, 0, 5, tzinfo=OTTAWA)
    with translation.override("en"):
        assert ottawa_datetime(noon) == "October 1, 2020, at 12:00 p.m. (EDT)"
        assert ottawa_datetime(midnight) == "February 15, 2021, at 12:05 a.m. (EDT)"
    with translation.override("fr"):
        assert ottawa_datetime(noon) == "1er octobre 2020 à 12 h 00 (HAE)"
        assert ottawa_datetime(midnight) == "15 février 2021 à 0 h 05 (HAE)"
