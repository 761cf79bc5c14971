"""Any list of petitions as CSV, streamed row by row.

Rows are read from the database in chunks (a server-side cursor on PostgreSQL), so a
100,000-row export never sits in memory. A text cell that a spreadsheet would read as a
formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is made
inert by a leading apostrophe, as OWASP recommends against CSV injection.
"""

import csv
import datetime

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from petitions.choices import RESPONSE_DAYS
from petitions.numbers import format_e_number

CHUNK_SIZE = 2000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Columns, each read from one database value, in the order of the header row.
SOURCES = {
    "e_number": "e_number",
    "petition_no": "petition_no",
    "kind": "kind",
    "status": "status",
    "opened_at": "opened_at",
    "closed_at": "closed_at",
    "certified_on": "certified_on",
    "presented_on": "presented_on",
    "subject": "subject__name_en",
    "subject_fr": "subject__name_fr",
    "sponsor": "sponsor__name",
    "sponsor_riding": "sponsor__riding_en",
    "signatures": "signatures",
    "response_tabled_on": "response__tabled_on",
}
COLUMNS = ["number", *SOURCES, "response_due_on", "response_late", "url"]


def inert(value):
    """A cell's text, a formula-looking text made harmless; times in Ottawa time."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def petition_rows(queryset, page_url):
    """The header, then one row per petition; ``page_url(number)`` gives its page's URL."""
    yield COLUMNS
    rows = queryset.values(*SOURCES.values()).iterator(chunk_size=CHUNK_SIZE)
    for row in rows:
        cells = {column: row[source] for column, source in SOURCES.items()}
        number = format_e_number(cells["e_number"]) if cells["e_number"] else cells["petition_no"]
        presented, tabled = cells["presented_on"], cells["response_tabled_on"]
        # As GovernmentResponse.due_on and is_late compute them.
        due = presented + datetime.timedelta(days=RESPONSE_DAYS) if presented else None
        cells.update(
            number=number,
            e_number=number if cells["e_number"] else None,
            response_due_on=due,
            response_late=(tabled > due) if (tabled and due) else None,
            url=page_url(number),
        )
        yield [inert(cells[column]) for column in COLUMNS]


class _Echo:
    """A file-like object whose write() hands back the line, for csv.writer to stream."""

    def write(self, value):
        return value


def petitions_csv_response(queryset, request, filename="petitions.csv"):
    writer = csv.writer(_Echo())

    def page_url(number):
        return request.build_absolute_uri(reverse("petitions:detail", args=[number]))

    response = StreamingHttpResponse(
        (writer.writerow(row) for row in petition_rows(queryset, page_url)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
