"""Any list of petitions as CSV, streamed row by row.

Rows are read from the database in chunks (a server-side cursor on PostgreSQL), so a
100,000-row export never sits in memory. The query runs, and the first row is read,
before the response starts: a database that cannot be reached is a 503, not a 200
followed by a cut-off file. A failure later, mid-stream, is not caught: the server
drops the connection without ending the chunked body, so the client sees an error,
never a short file that looks whole.

Against CSV injection (OWASP): every cell is quoted, and a formula-looking start
(``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets an apostrophe before it,
whether it begins the cell or follows a comma, semicolon, tab or line break inside it.
A spreadsheet that splits on semicolons (French locales) ignores quotes written for
commas and starts a cell at each ``;``, so ``;=1+1`` would otherwise become a formula.
"""

import csv
import datetime
import itertools
import re

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from petitions import rules
from petitions.numbers import format_e_number

CHUNK_SIZE = 2000
# Where a spreadsheet may start a cell (the start, or after a separator some locale
# uses: comma, semicolon, tab, line break), then spaces, before a formula's first sign.
FORMULA_START = re.compile(r"(^|[,;\t\r\n])( *)(?=[=+\-@\t\r])")

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
    "response_sessional_paper": "response__sessional_paper",
    "made_up": "made_up",
    "response_late": "response_late",
}
# Columns added later come last, so that readers who go by position keep working.
ADDED = ["response_sessional_paper", "made_up"]
COLUMNS = [
    "number",
    *(column for column in SOURCES if column not in [*ADDED, "response_late"]),
    "response_due_on",
    "response_late",
    "url",
    *ADDED,
]


def inert(value):
    """A cell's text, a formula-looking text made harmless; times in Ottawa time."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return FORMULA_START.sub(r"\1\2'", value)
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
        cells.update(
            number=number,
            e_number=number if cells["e_number"] else None,
            response_due_on=rules.response_due_on(cells["presented_on"]),
            url=page_url(number),
        )
        yield [inert(cells[column]) for column in COLUMNS]


class _Echo:
    """A file-like object whose write() hands back the line, for csv.writer to stream."""

    def write(self, value):
        return value


class ExportResponse(StreamingHttpResponse):
    """A CSV being streamed, holding its export slots (``ops.ratelimit.Slots``).

    Each chunk of rows renews them; the server's ``close()`` (at the end, or when the
    client goes away) gives them back.
    """

    def __init__(self, first, rest, slots=(), **kwargs):
        self.slots = list(slots)
        self._rest = rest
        super().__init__(self._renewing(first, rest), **kwargs)

    def _renewing(self, first, rest):
        yield from first
        for count, line in enumerate(rest, 1):
            if count % CHUNK_SIZE == 0:
                for slot in self.slots:
                    slot.renew()
            yield line

    def close(self):
        try:
            super().close()
            # The rows' generator, and with it the database cursor, even if the
            # client went away before the first chunk was sent.
            self._rest.close()
        finally:
            slots, self.slots = self.slots, []
            for slot in slots:
                slot.give_back()


def petitions_csv_response(queryset, request, filename="petitions.csv", slots=()):
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_ALL)

    def page_url(number):
        return request.build_absolute_uri(reverse("petitions:detail", args=[number]))

    lines = (writer.writerow(row) for row in petition_rows(queryset, page_url))
    # The header and the first row, read here: the query runs before anything is sent.
    first = list(itertools.islice(lines, 2))
    response = ExportResponse(first, lines, slots=slots, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
