"""Two clerks at once: a change to any part of a petition is never saved over, and an
ordinary mistake in the forms is a message, never a 500."""

import pytest

from petitions.models import Petition, WhereasClause
from responses.models import GovernmentResponse
from tests.conftest import page_text, rendered_form_data


def change_url(petition):
    return f"/admin/petitions/petition/{petition.pk}/change/"


def response_url(response):
    return f"/admin/responses/governmentresponse/{response.pk}/change/"


def test_a_response_saved_on_its_own_page_is_not_overwritten_by_an_older_petition_form(
    e2829, clerk, second_clerk
):
    petition_form = rendered_form_data(clerk.get(change_url(e2829)))
    response_form = rendered_form_data(second_clerk.get(response_url(e2829.response)))
    response_form["signer_name"] = "The Parliamentary Secretary Rob Oliphant"
    assert second_clerk.post(response_url(e2829.response), response_form).status_code == 302

    petition_form["response-0-signer_name"] = "The Honourable François-Philippe Champagne"
    petition_form["lead_in_en"] = "A stale correction:"
    refused = clerk.post(change_url(e2829), petition_form)
    assert refused.status_code == 200
    assert "Someone else saved this petition at" in page_text(refused)
    assert GovernmentResponse.objects.get().signer_name == (
        "The Parliamentary Secretary Rob Oliphant"
    )
    assert Petition.objects.get().lead_in_en.startswith("We, the undersigned")


def test_a_response_page_opened_before_the_petition_changed_is_refused(e2829, clerk, second_clerk):
    response_form = rendered_form_data(second_clerk.get(response_url(e2829.response)))
    petition_form = rendered_form_data(clerk.get(change_url(e2829)))
    petition_form["response-0-text_en"] = "The corrected text."
    assert clerk.post(change_url(e2829), petition_form).status_code == 302

    response_form["text_en"] = "A stale text."
    refused = second_clerk.post(response_url(e2829.response), response_form)
    assert refused.status_code == 200
    assert "Someone else saved this petition at" in page_text(refused)
    assert GovernmentResponse.objects.get().text_en == "The corrected text."


def test_a_part_restored_from_history_is_not_overwritten_and_its_position_gives_no_500(
    e2829, clerk, second_clerk
):
    third = e2829.clauses.get(position=3)
    deleted_version = third.history.latest().history_id
    form = rendered_form_data(clerk.get(change_url(e2829)))
    third.delete()
    # The other clerk restores the deleted clause at position 3 ...
    restore = f"{change_url(e2829).removesuffix('change/')}history/restore/clause/"
    assert second_clerk.post(f"{restore}{deleted_version}/").status_code == 302
    assert e2829.clauses.count() == 3
    # ... while this clerk's older form, without it, adds a new clause at position 3.
    form["clauses-2-DELETE"] = ""
    form.update(
        {
            "clauses-TOTAL_FORMS": "4",
            "clauses-3-position": "3",
            "clauses-3-text_en": "A new third clause.",
            "clauses-3-id": "",
            "clauses-3-petition": str(e2829.pk),
        }
    )
    refused = clerk.post(change_url(e2829), form)
    assert refused.status_code == 200
    assert "Someone else saved this petition at" in page_text(refused)
    assert WhereasClause.objects.get(petition=e2829, position=3).text_en == third.text_en


def test_a_response_for_a_petition_still_awaiting_one_is_refused_on_its_own_page(samples, clerk):
    awaiting = Petition.objects.get(e_number=90003)
    assert awaiting.status == "presented"
    form = rendered_form_data(clerk.get("/admin/responses/governmentresponse/add/"))
    form.update(
        {
            "petition": str(awaiting.pk),
            "office_en": "Minister of Health",
            "signer_name": "The Honourable Sample Minister",
            "text_en": "A response.",
            "tabled_on": "2025-10-20",
        }
    )
    refused = clerk.post("/admin/responses/governmentresponse/add/", form)
    assert refused.status_code == 200
    assert "The petition's status is “Presented, awaiting government response”" in page_text(
        refused
    )
    assert not GovernmentResponse.objects.filter(petition=awaiting).exists()


@pytest.mark.parametrize(
    ("kind", "name", "message"),
    [
        ("minister", "", "Name the office or Member the petition is addressed to."),
        ("government", "Minister of Health", "Leave this empty for Government of Canada."),
    ],
)
def test_an_addressee_name_left_out_or_not_needed_is_a_message_not_a_500(
    e2829, clerk, kind, name, message
):
    form = rendered_form_data(clerk.get(change_url(e2829)))
    form.update({"addressee_kind": kind, "addressee_name_en": name, "addressee_name_fr": ""})
    refused = clerk.post(change_url(e2829), form)
    assert refused.status_code == 200
    assert message in page_text(refused)
    assert Petition.objects.get().addressee_kind == "government"
