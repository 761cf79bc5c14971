"""Whether a response was late is kept on its petition, so lists filter by it quickly."""

import datetime

import pytest
from django.core.management import call_command

from petitions.models import Petition
from responses.models import GovernmentResponse, refresh_lateness
from tests.petitions.listing import listed


def late(number):
    return Petition.objects.get(petition_no=number).response_late


def test_fixtures_loaded_raw_know_which_responses_were_late(samples):
    assert late("441-90001") is True  # 68 days after presentation
    assert Petition.objects.get(e_number=2829).response_late is False
    assert Petition.objects.get(e_number=90003).response_late is None  # awaiting


def test_a_response_tabled_then_redated_then_withdrawn(client, samples):
    petition = Petition.objects.get(e_number=90003)
    response = GovernmentResponse.objects.create(
        petition=petition,
        office_en="Minister of Health",
        signer_name="The Honourable A. Minister",
        text_en="The government thanks the petitioners.",
        tabled_on=petition.presented_on + datetime.timedelta(days=45),
    )
    assert late("451-90003") is False
    response.tabled_on += datetime.timedelta(days=1)
    response.save()
    assert late("451-90003") is True
    assert listed(client.get("/en/petitions/?response=late")) == ["e-90003", "441-90001"]
    response.delete()
    assert late("451-90003") is None


def test_a_new_presentation_date_moves_the_due_date(samples):
    petition = Petition.objects.get(petition_no="441-90001")
    petition.presented_on = petition.response.tabled_on - datetime.timedelta(days=10)
    petition.save()
    assert late("441-90001") is False


def test_a_response_moved_to_another_petition_leaves_the_first_without(samples):
    response = GovernmentResponse.objects.get(petition__petition_no="441-90001")
    response.petition = Petition.objects.get(e_number=90003)
    response.save()
    assert late("441-90001") is None
    assert late("451-90003") is not None


# seed_demo commits batch by batch: not within a test's transaction.
@pytest.mark.django_db(transaction=True)
def test_made_up_petitions_carry_the_lateness_their_responses_give(samples):
    call_command("seed_demo", petitions=300, verbosity=0)
    loaded = dict(Petition.objects.values_list("pk", "response_late"))
    refresh_lateness(Petition.objects.all())
    assert dict(Petition.objects.values_list("pk", "response_late")) == loaded
    assert True in loaded.values() and False in loaded.values()
