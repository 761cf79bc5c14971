"""Each figure of the statistics page as a table: its columns, its rows, its chart.

A figure is built from ``statistics.Figures`` in the page's language. The same
rows give the table under the chart, the chart's bars, and the CSV file; a
cell is a number, a share (0 to 1), a text, or a (text, address) link.
"""

from dataclasses import dataclass, field
from types import SimpleNamespace

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from petitions import languages
from petitions.choices import Kind
from petitions.models import session_name
from petitions.rules import RESPONSE_DAYS

from . import charts
from .statistics import KINDS, OUTCOMES, OfficeRow

# The offices drawn: those with the most responses (the CSV holds every one).
OFFICES_DRAWN = 15


@dataclass
class Link:
    text: object
    url: str

    def __str__(self):
        return str(self.text)


@dataclass
class Share:
    """A fraction from 0 to 1, shown as a percentage."""

    value: float

    def __str__(self):
        return percent(self.value)


@dataclass
class Figure:
    slug: str
    title: str
    summary: str
    columns: list
    rows: list
    svg: str = ""
    legend: list = field(default_factory=list)
    note: str = ""
    # Every row, when ``rows`` shows only the first ones: the CSV gives them all.
    every_row: list | None = None

    @property
    def csv_rows(self):
        return self.rows if self.every_row is None else self.every_row

    @property
    def csv_url(self):
        return reverse("figures:csv", args=[self.slug])


def percent(fraction):
    return _("%(number)s%%") % {"number": number_format(round(fraction * 100, 1), 1)}


def count(value):
    return number_format(value, force_grouping=True)


def outcome_names():
    return {
        "responded": _("Government response tabled"),
        "awaiting": _("Presented, awaiting a response"),
        "unanswered": _("Not answered before dissolution"),
        "not_presented": _("Not certified, or closed upon dissolution"),
        "in_progress": _("Open, or closed and not yet presented"),
    }


def per_session(figures, slug, title, summary, series, counts_of):
    """A figure of sessions, one stacked bar each: ``counts_of(row)`` gives its counts
    by the keys of ``series`` [(key, name)]."""
    rows = [
        [
            Link(
                session_name(row.parliament, row.number),
                reverse("petitions:session", args=[row.code]),
            ),
            *(counts_of(row).get(key, 0) for key, _name in series),
            row.total,
        ]
        for row in figures.sessions
    ]
    return Figure(
        slug=slug,
        title=title,
        summary=summary,
        columns=[_("Session"), *(name for _key, name in series), _("Total")],
        rows=rows,
        svg=charts.stacked_bar_chart(
            f"{slug}-chart",
            title,
            summary,
            [
                (session_name(row.parliament, row.number), counts_of(row))
                for row in figures.sessions
            ],
            series,
        ),
        legend=[name for _key, name in series],
    )


def sessions_by_kind(figures):
    kinds = dict(Kind.choices)
    series = [(kind, str(kinds[kind])) for kind in KINDS]
    total = sum(row.total for row in figures.sessions)
    busiest = max(figures.sessions, key=lambda row: row.total, default=None)
    if busiest is None:
        summary = _("No petition is recorded yet.")
    else:
        electronic = sum(row.by_kind.get(Kind.ELECTRONIC, 0) for row in figures.sessions)
        summary = _(
            "%(total)s petitions in %(sessions)s sessions, %(share)s of them e-petitions. "
            "The most were filed in the %(busiest)s: %(count)s."
        ) % {
            "total": count(total),
            "sessions": count(len(figures.sessions)),
            "share": percent(electronic / total),
            "busiest": session_name(busiest.parliament, busiest.number),
            "count": count(busiest.total),
        }
    title = _("Petitions per session, by kind")
    return per_session(figures, "sessions-by-kind", title, summary, series, lambda row: row.by_kind)


def sessions_by_outcome(figures):
    names = outcome_names()
    series = [(outcome, names[outcome]) for outcome in OUTCOMES]
    total = sum(row.total for row in figures.sessions)
    responded = sum(row.by_outcome.get("responded", 0) for row in figures.sessions)
    if total:
        summary = _(
            "Of %(total)s petitions, %(responded)s (%(share)s) received a government response."
        ) % {
            "total": count(total),
            "responded": count(responded),
            "share": percent(responded / total),
        }
    else:
        summary = _("No petition is recorded yet.")
    title = _("Petitions per session, by outcome")
    return per_session(
        figures, "sessions-by-outcome", title, summary, series, lambda row: row.by_outcome
    )


def bin_label(first, last):
    if last is None:
        return _("%(first)s days or more") % {"first": first}
    return _("%(first)s–%(last)s days") % {"first": first, "last": last}


def response_times(figures):
    bins = figures.response_bins()
    rows = [[bin_label(first, last), number] for first, last, number in bins]
    answered, late = figures.answered, figures.answered_late
    if answered:
        summary = _(
            "%(answered)s responses; half were tabled within %(median)s days of presentation. "
            "%(late)s (%(share)s) came after the %(limit)s-day limit."
        ) % {
            "answered": count(answered),
            "median": count(figures.median_days),
            "late": count(late),
            "share": percent(late / answered),
            "limit": RESPONSE_DAYS,
        }
    else:
        summary = _("No government response is recorded yet.")
    title = _("Government response times")
    limit_index = next(i for i, (_, last, _) in enumerate(bins) if last == RESPONSE_DAYS)
    return Figure(
        slug="response-times",
        title=title,
        summary=summary,
        columns=[_("Days from presentation to response"), _("Responses")],
        rows=rows,
        svg=charts.histogram(
            "response-times-chart",
            title,
            summary,
            [
                (bin_label(first, last), number, first > RESPONSE_DAYS, last)
                for first, last, number in bins
            ],
            limit_index,
            _("%(days)s-day limit") % {"days": RESPONSE_DAYS},
            _("Days from presentation to response"),
        ),
        note=_("Bars right of the line are responses tabled late."),
    )


def office_name(row):
    name = languages.localized(
        SimpleNamespace(office_en=row.office_en, office_fr=row.office_fr), "office"
    )
    return name if name.text else _("Office not recorded (tabled as a sessional paper)")


def offices_by_name(offices):
    """The offices as the page names them: rows whose name reads the same in the page's
    language (the same English name with two French spellings) are one office."""
    merged = {}
    for row in offices:
        name = office_name(row)
        key = str(name)
        if key in merged:
            merged[key][1].answered += row.answered
            merged[key][1].late += row.late
        else:
            merged[key] = (name, OfficeRow(row.office_en, row.office_fr, row.answered, row.late))
    return sorted(merged.values(), key=lambda pair: (-pair[1].answered, str(pair[0])))


def responding_offices(figures, drawn=OFFICES_DRAWN):
    named = offices_by_name(figures.offices)
    offices = [row for _, row in named]
    rows = [[name, row.answered, row.late, Share(row.late_share)] for name, row in named]
    shown = rows[:drawn]
    # Among the offices drawn that are named: responses tabled as sessional papers,
    # without an office, are no office's record.
    worst = max(
        (row for row in offices[:drawn] if row.answered and (row.office_en or row.office_fr)),
        key=lambda row: (row.late_share, row.answered),
        default=None,
    )
    if worst is not None:
        summary = ngettext(
            "%(offices)s office has responded. Of the %(drawn)s with the most responses, the "
            "%(worst)s answered the largest share late: %(share)s of %(answered)s.",
            "%(offices)s offices have responded. Of the %(drawn)s with the most responses, the "
            "%(worst)s answered the largest share late: %(share)s of %(answered)s.",
            len(offices),
        ) % {
            "offices": count(len(offices)),
            "drawn": count(min(drawn, len(offices))),
            "worst": office_name(worst),
            "share": percent(worst.late_share),
            "answered": count(worst.answered),
        }
    else:
        summary = _("No government response is recorded yet.")
    title = _("Responses tabled late, per responding office")
    figure = Figure(
        slug="responding-offices",
        title=title,
        summary=summary,
        columns=[_("Responding office"), _("Responses"), _("Tabled late"), _("Share late")],
        rows=shown,
        every_row=rows,
        svg=charts.bar_chart(
            "responding-offices-chart",
            title,
            summary,
            [(str(row[0]), row[3].value) for row in shown],
            value_label=percent,
        ),
    )
    if len(rows) > drawn:
        figure.note = _(
            "The %(drawn)s offices with the most responses; the CSV file lists all %(offices)s."
        ) % {"drawn": drawn, "offices": count(len(rows))}
    return figure


def most_signed(figures):
    rows = []
    bars = []
    for row in figures.most_signed:
        subject = languages.localized(
            SimpleNamespace(name_en=row.subject_en, name_fr=row.subject_fr), "name"
        )
        link = Link(row.number, reverse("petitions:detail", args=[row.number]))
        rows.append([link, subject, row.signatures])
        bars.append((f"{row.number} ({subject})", row.signatures))
    if figures.most_signed:
        top = figures.most_signed[0]
        summary = _("The most signed petition, %(number)s, gathered %(signatures)s signatures.") % {
            "number": top.number,
            "signatures": count(top.signatures),
        }
    else:
        summary = _("No signature count is recorded yet.")
    title = _("The most signed petitions")
    return Figure(
        slug="most-signed",
        title=title,
        summary=summary,
        columns=[_("Petition"), _("Subject"), _("Signatures")],
        rows=rows,
        svg=charts.bar_chart(
            "most-signed-chart",
            title,
            summary,
            bars,
        ),
    )


FIGURES = {
    "sessions-by-kind": sessions_by_kind,
    "sessions-by-outcome": sessions_by_outcome,
    "response-times": response_times,
    "responding-offices": responding_offices,
    "most-signed": most_signed,
}


def all_figures(figures):
    return [make(figures) for make in FIGURES.values()]


def signatures_by_province(petition, counts):
    """The petition page's chart: its signature counts (already read) by province."""
    counts = list(counts)
    rows = [(count_row.get_province_display(), count_row.count) for count_row in counts]
    total = sum(value for _, value in rows)
    title = _("Signatures by province and territory")
    if rows and total:
        place, most = max(rows, key=lambda row: row[1])
        summary = _("Most signatures came from %(place)s: %(count)s of %(total)s (%(share)s).") % {
            "place": place,
            "count": count(most),
            "total": count(total),
            "share": percent(most / total),
        }
    else:
        summary = _("No signatures are recorded by province or territory.")
    return {
        "title": title,
        "summary": summary,
        "rows": counts,
        "svg": charts.bar_chart("signatures-chart", title, summary, rows),
    }
