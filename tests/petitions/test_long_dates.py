"""Dates read as the House prints them, in the page's language, remembered or not.

``long_date`` remembers the days it has written, per language; a remembered day reads
as one written afresh, in whichever language the page is in. A moment (a datetime,
such as when a petition opened) is dated by its day in Ottawa, as the House dates it,
whatever the time zone in force.
"""

import datetime
import zoneinfo

from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation
from django.utils.translation import pgettext
from hypothesis import given
from hypothesis import strategies as st

from public.templating.petitions import long_date

DAYS = st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31))


def written_afresh(day):
    """The day in the form the catalogue gives the page's language."""
    if day.day == 1:
        return date_filter(day, pgettext("date format, first day of a month", "F j, Y"))
    return date_filter(day, pgettext("date format", "F j, Y"))


@given(days=st.lists(st.tuples(DAYS, st.sampled_from(["en", "fr"])), max_size=30))
def test_a_remembered_day_reads_as_one_written_afresh_in_the_pages_language(days):
    for day, language in days * 2:
        with translation.override(language):
            assert long_date(day) == written_afresh(day)


def test_the_first_of_a_month_and_either_language():
    day = datetime.date(2020, 10, 1)
    with translation.override("fr"):
        assert long_date(day) == "1er octobre 2020"
    with translation.override("en"):
        assert long_date(day) == "October 1, 2020"
    with translation.override("fr"):
        assert long_date(datetime.date(2020, 10, 26)) == "26 octobre 2020"


def test_a_moment_is_dated_by_its_day_in_ottawa_in_any_time_zone():
    # 10:00 p.m. in Ottawa, the next day in UTC.
    moment = datetime.datetime(2020, 10, 27, 2, 0, tzinfo=datetime.UTC)
    for zone in ("UTC", "America/Vancouver", "Asia/Tokyo"):
        with translation.override("en"), timezone.override(zoneinfo.ZoneInfo(zone)):
            assert long_date(moment) == "October 26, 2020"
