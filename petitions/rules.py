"""The Standing Orders' rules on petitions, each written once.

The House keeps its clock in Ottawa; an e-petition is open for one of four periods
and is certified with enough signatures; the government answers a presented
petition within 45 calendar days (S.O. 36(8)). Python and SQL forms of a rule sit
side by side here so that they cannot drift apart.
"""

import datetime
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import ExpressionWrapper, Q
from django.utils import timezone

from .choices import Kind, Status

# Dates and times on the House's pages are Ottawa's, whatever zone label they carry.
OTTAWA = ZoneInfo("America/Toronto")

# Signing periods an e-petition may choose at creation, in days.
SIGNING_PERIODS = (30, 60, 90, 120)
# Valid signatures needed for certification (Standing Order 36).
CERTIFICATION_THRESHOLD = {Kind.ELECTRONIC: 500, Kind.PAPER: 25}
# The government responds within 45 calendar days of presentation (S.O. 36(8)).
RESPONSE_DAYS = 45
RESPONSE_PERIOD = datetime.timedelta(days=RESPONSE_DAYS)


def ottawa_date(moment):
    """The day a moment falls on in Ottawa."""
    return moment.astimezone(OTTAWA).date()


def response_due_on(presented_on):
    """The last day the government may table its response, or None if not presented."""
    return presented_on + RESPONSE_PERIOD if presented_on else None


def is_late(presented_on, tabled_on):
    """Whether a response was tabled after its due date."""
    return bool(presented_on and tabled_on and waited_too_long((tabled_on - presented_on).days))


def waited_too_long(days):
    """Whether a response tabled ``days`` days after presentation is late."""
    return days > RESPONSE_DAYS


def is_overdue(status, presented_on, today=None):
    """Presented, still unanswered, and the due date is past."""
    if status != Status.PRESENTED or not presented_on:
        return False
    return (today or timezone.localdate()) > response_due_on(presented_on)


def overdue_if_presented_before(today=None):
    """Petitions presented before this date and still unanswered are overdue."""
    return (today or timezone.localdate()) - RESPONSE_PERIOD


def overdue_filter(today=None):
    """``is_overdue`` as a filter on petitions."""
    return Q(status=Status.PRESENTED, presented_on__lt=overdue_if_presented_before(today))


def late_expression(presented_on, tabled_on):
    """``is_late`` in SQL, for two date expressions."""
    due = ExpressionWrapper(presented_on + RESPONSE_PERIOD, output_field=models.DateField())
    return ExpressionWrapper(Q(**{f"{tabled_on}__gt": due}), output_field=models.BooleanField())


def can_be_certified(kind, signatures):
    threshold = CERTIFICATION_THRESHOLD.get(kind)
    return threshold is None or signatures is None or signatures >= threshold


def is_signing_period(opened_at, scheduled_close_at):
    """Whether an e-petition's scheduled closing is one of the allowed periods after its
    opening, at the same Ottawa clock time (counted across DST changes)."""
    local_open, local_close = opened_at.astimezone(OTTAWA), scheduled_close_at.astimezone(OTTAWA)
    days = (local_close.date() - local_open.date()).days
    return local_open.time() == local_close.time() and days in SIGNING_PERIODS


def sponsor_and_presenter(sponsor, presenter, presented):
    """The Members a petition names: once presented, the sponsor presents it unless
    another Member is named, and a presenter named alone (as paper petitions' pages
    name them) is its sponsor."""
    if presented:
        return sponsor or presenter, presenter or sponsor
    return sponsor, presenter
