"""The figures of the statistics page, computed from the record by aggregate queries.

Every figure is a handful of ``GROUP BY`` queries whose result has a row per
session, per day count or per office, never per petition, so building them
costs the same few queries at a thousand petitions or a million. The result is
kept in the shared cache (``default``) under the record's version
(``pagecache.models.current_version``): the first reader after a change builds
it, every other reader, on every server, reads it from there.

What is kept holds no translated text: labels are given at rendering, in the
page's language.
"""

from dataclasses import dataclass, field

from django.core.cache import caches
from django.db.models import Count, F, Func, IntegerField

from pagecache.models import current_version
from petitions import rules
from petitions.choices import Kind, Status
from petitions.models import ParliamentSession, Petition
from responses.models import GovernmentResponse

# Long enough for every server to find a version's figures; a new version makes
# a new key, so this only bounds what an unchanging record leaves behind.
CACHE_SECONDS = 24 * 3600
CACHE_PREFIX = "figures"

# What became of a petition, from its status.
OUTCOMES = {
    "responded": [Status.RESPONDED],
    "awaiting": [Status.PRESENTED],
    "unanswered": [Status.UNANSWERED_DISSOLUTION],
    "not_presented": [Status.NOT_CERTIFIED, Status.CLOSED_DISSOLUTION],
    "in_progress": [Status.OPEN, Status.CLOSED, Status.AWAITING_CERTIFICATION, Status.CERTIFIED],
}
OUTCOME_OF = {status: outcome for outcome, statuses in OUTCOMES.items() for status in statuses}
KINDS = [Kind.ELECTRONIC.value, Kind.PAPER.value]

# Response times are counted in bins this many days wide, up to LAST_BIN_DAYS; longer
# waits share one last bin. The limit (45 days) falls on a bin's edge.
BIN_DAYS = 5
LAST_BIN_DAYS = 90
MOST_SIGNED = 10


@dataclass
class SessionRow:
    parliament: int
    number: int
    by_kind: dict = field(default_factory=dict)
    by_outcome: dict = field(default_factory=dict)

    @property
    def code(self):
        return f"{self.parliament}{self.number}"

    @property
    def total(self):
        return sum(self.by_kind.values())


@dataclass
class OfficeRow:
    office_en: str
    office_fr: str
    answered: int
    late: int

    @property
    def late_share(self):
        return self.late / self.answered if self.answered else 0.0


@dataclass
class SignedRow:
    number: str
    subject_en: str
    subject_fr: str
    signatures: int


@dataclass
class Figures:
    """Everything the statistics page draws, as plain numbers and names."""

    sessions: list
    # Days from presentation to response -> how many responses took that long.
    response_days: dict
    offices: list
    most_signed: list

    @property
    def answered(self):
        return sum(self.response_days.values())

    @property
    def answered_late(self):
        return sum(
            count for days, count in self.response_days.items() if rules.waited_too_long(days)
        )

    @property
    def median_days(self):
        """The median response time in days, or None without responses."""
        total = self.answered
        if not total:
            return None
        seen = 0
        for days in sorted(self.response_days):
            seen += self.response_days[days]
            if seen * 2 >= total:
                return days
        return None  # pragma: no cover

    def response_bins(self):
        """(first day, last day or None for the open-ended bin, count), in order.

        The first bin is 0 to 5 days, then 6 to 10, ...: the limit of 45 days is the
        last day of a bin, so the bins after it are the late responses.
        """
        edges = list(range(BIN_DAYS, LAST_BIN_DAYS + 1, BIN_DAYS))
        bins = [[0 if i == 0 else edges[i - 1] + 1, last, 0] for i, last in enumerate(edges)]
        bins.append([LAST_BIN_DAYS + 1, None, 0])
        for days, count in self.response_days.items():
            index = min(max(days - 1, 0) // BIN_DAYS, len(bins) - 1)
            bins[index][2] += count
        return [tuple(row) for row in bins]


def petitions_per_session():
    """Each session's petitions by kind and by outcome: one GROUP BY, and the sessions."""
    counts = (
        Petition.objects.order_by()
        .values_list("session_id", "kind", "status")
        .annotate(count=Count("*"))
    )
    rows = {}
    for session_id, kind, status, count in counts:
        row = rows.setdefault(session_id, SessionRow(0, 0))
        row.by_kind[kind] = row.by_kind.get(kind, 0) + count
        outcome = OUTCOME_OF.get(status, "in_progress")
        row.by_outcome[outcome] = row.by_outcome.get(outcome, 0) + count
    sessions = ParliamentSession.objects.filter(pk__in=rows).values_list(
        "pk", "parliament", "number"
    )
    for pk, parliament, number in sessions:
        rows[pk].parliament, rows[pk].number = parliament, number
    # Oldest session first, as time runs left to right and top to bottom.
    return sorted(rows.values(), key=lambda row: (row.parliament, row.number))


class DaysBetween(Func):
    """Whole days from one date to a later one, as an integer the database groups by fast.

    PostgreSQL subtracts dates into days; SQLite counts Julian days.
    """

    output_field = IntegerField()
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra_context,
        )


def responses_by_office_and_days():
    """Responses counted per responding office and days waited: one GROUP BY, one join.

    Its rows number the offices times the distinct waits (a few thousand at most),
    whatever the number of responses; both figures about responses are sums of them.
    """
    return (
        GovernmentResponse.objects.order_by()
        .filter(petition__presented_on__isnull=False)
        .values_list("office_en", "office_fr")
        .annotate(days=DaysBetween("tabled_on", "petition__presented_on"), count=Count("*"))
        .values_list("office_en", "office_fr", "days", "count")
    )


def responses_figures():
    """(days waited -> responses, [OfficeRow]), from one query."""
    days_found = {}
    offices = {}
    for office_en, office_fr, days, count in responses_by_office_and_days():
        days_found[days] = days_found.get(days, 0) + count
        row = offices.get((office_en or "", office_fr or ""))
        if row is None:
            row = offices[(office_en or "", office_fr or "")] = OfficeRow(
                office_en or "", office_fr or "", 0, 0
            )
        row.answered += count
        if rules.waited_too_long(days):
            row.late += count
    rows = sorted(offices.values(), key=lambda row: (-row.answered, row.office_en, row.office_fr))
    return days_found, rows


def most_signed(limit=MOST_SIGNED):
    """The petitions with the most signatures, read along their index."""
    petitions = (
        Petition.objects.filter(signatures__isnull=False)
        .order_by(F("signatures").desc(), F("id").desc())
        .values_list(
            "e_number", "petition_no", "subject__name_en", "subject__name_fr", "signatures"
        )
    )[:limit]
    return [
        SignedRow(Petition(e_number=e, petition_no=no).number, en or "", fr or "", signatures)
        for e, no, en, fr, signatures in petitions
    ]


def build():
    """The figures as the record stands, read afresh."""
    days, offices = responses_figures()
    return Figures(
        sessions=petitions_per_session(),
        response_days=days,
        offices=offices,
        most_signed=most_signed(),
    )


def current_figures(version=None):
    """The figures of the record's version: from the cache, or built and kept there.

    ``version`` is the record's version when the caller has read it already (the page
    cache has, for every anonymous page); else it is read here.
    """
    key = f"{CACHE_PREFIX}:{version or current_version()}"
    cache = caches["default"]
    figures = cache.get(key)
    if figures is None:
        figures = build()
        cache.set(key, figures, CACHE_SECONDS)
    return figures
