"""Bad records are refused with a message naming the field, in clean() and in the database."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from petitions.choices import Status
from petitions.models import Petition, WhereasClause
from responses.models import GovernmentResponse

OTTAWA = ZoneInfo("America/Toronto")


def refused(petition, field):
    with pytest.raises(ValidationError) as error:
        petition.full_clean()
    assert field in error.value.message_dict, error.value.message_dict
    return error.value.message_dict[field]


def refused_by_database(queryset, **changes):
    with pytest.raises(IntegrityError), transaction.atomic():
        queryset.update(**changes)


def test_the_fixture_itself_is_valid(e2829):
    e2829.full_clean()
    e2829.response.full_clean()


@pytest.mark.parametrize("value", ["43-158", "432-158", "432/00158x", "000-00001"])
def test_malformed_petition_no(e2829, value):
    e2829.petition_no = value
    assert refused(e2829, "petition_no")


def test_malformed_petition_no_refused_by_database(e2829):
    refused_by_database(Petition.objects.filter(pk=e2829.pk), petition_no="43-158")


def test_petition_no_must_belong_to_the_session(e2829):
    e2829.petition_no = "441-00158"
    assert "432-" in refused(e2829, "petition_no")[0]


def test_duplicate_numbers(samples, e2829):
    other = Petition.objects.get(e_number=90003)
    other.e_number = 2829
    assert refused(other, "e_number")
    other.refresh_from_db()
    other.petition_no = "432-00158"
    assert refused(other, "petition_no")
    refused_by_database(Petition.objects.filter(pk=other.pk), e_number=2829)


def test_closed_before_opened(e2829):
    e2829.closed_at = e2829.opened_at - dt.timedelta(days=1)
    assert refused(e2829, "closed_at")
    refused_by_database(Petition.objects.filter(pk=e2829.pk), closed_at=e2829.closed_at)


def test_signing_period_must_be_a_permitted_length(e2829):
    e2829.scheduled_close_at = e2829.opened_at + dt.timedelta(days=45)
    assert "30, 60, 90 or 120 days" in refused(e2829, "scheduled_close_at")[0]


def test_certified_after_presented(e2829):
    e2829.certified_on = dt.date(2020, 10, 30)
    assert refused(e2829, "presented_on")
    refused_by_database(Petition.objects.filter(pk=e2829.pk), certified_on=dt.date(2020, 10, 30))


def test_presented_before_closing(e2829):
    e2829.presented_on = dt.date(2020, 10, 1)
    assert refused(e2829, "presented_on")


def test_status_contradicting_the_dates(e2829):
    e2829.status = Status.OPEN
    message = refused(e2829, "status")[0]
    assert "does not agree with the dates" in message
    refused_by_database(Petition.objects.filter(pk=e2829.pk), status=Status.OPEN)


def test_paper_petition_has_no_e_number_or_initiator(samples):
    paper = Petition.objects.get(petition_no="441-90001")
    paper.e_number = 123
    paper.initiator_name = "Someone"
    assert refused(paper, "e_number") and refused(paper, "initiator_name")
    refused_by_database(Petition.objects.filter(pk=paper.pk), e_number=123)


def test_too_few_signatures_for_certification(samples):
    petition = Petition.objects.get(e_number=90003)
    petition.signatures = 499
    assert "500" in refused(petition, "signatures")[0]
    refused_by_database(Petition.objects.filter(pk=petition.pk), signatures=499)


def test_addressee_name_needed_for_a_minister(samples):
    petition = Petition.objects.get(e_number=90002)
    petition.addressee_name_en = petition.addressee_name_fr = ""
    petition.addressee_name = ""
    assert refused(petition, "addressee_name")


def test_response_before_presentation(e2829):
    response = e2829.response
    response.tabled_on = dt.date(2020, 10, 1)
    with pytest.raises(ValidationError) as error:
        response.full_clean()
    assert "tabled_on" in error.value.message_dict


def test_response_for_a_petition_not_presented(samples):
    petition = Petition.objects.get(e_number=90002)
    response = GovernmentResponse(
        petition=petition,
        office="Minister of Health",
        signer_name="X",
        text="T",
        tabled_on=dt.date(2026, 11, 20),
    )
    with pytest.raises(ValidationError) as error:
        response.full_clean()
    assert "tabled_on" in error.value.message_dict


def test_one_response_per_petition(e2829):
    with pytest.raises(IntegrityError), transaction.atomic():
        GovernmentResponse.objects.create(
            petition=e2829, office="X", signer_name="Y", text="Z", tabled_on=dt.date(2020, 12, 10)
        )


def test_two_clauses_at_one_position(e2829):
    with pytest.raises(IntegrityError), transaction.atomic():
        WhereasClause.objects.create(petition=e2829, position=1, text_en="Again.")
    clause = WhereasClause(petition=e2829, position=2, text_en="Again.")
    with pytest.raises(ValidationError) as error:
        clause.full_clean()
    assert "Two whereas clauses cannot share a position." in str(error.value)


def test_response_due_date_and_lateness_are_computed(samples, e2829):
    assert e2829.response_due_on == dt.date(2020, 12, 10)
    assert e2829.response.is_late is False
    late = GovernmentResponse.objects.get(petition__petition_no="441-90001")
    assert late.days_to_respond == 68
    assert late.is_late is True


def test_signing_period_counts_ottawa_clock_time_across_dst(samples):
    petition = Petition.objects.get(e_number=90002)  # opens in EST
    petition.opened_at = dt.datetime(2026, 10, 2, 10, 0, tzinfo=OTTAWA)  # EDT
    petition.scheduled_close_at = dt.datetime(2026, 12, 1, 10, 0, tzinfo=OTTAWA)  # EST, 60 days
    petition.full_clean()
