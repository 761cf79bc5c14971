"""A clerk sees who changed what in a petition, and brings back an earlier version."""

import pytest

from petitions.models import Petition
from tests.conftest import page_text, rendered_form_data


def change_url(petition):
    return f"/admin/petitions/petition/{petition.pk}/change/"


def history_url(petition):
    return f"/admin/petitions/petition/{petition.pk}/history/"


def save_with(client, petition, **changes):
    data = rendered_form_data(client.get(change_url(petition)))
    data.update(changes)
    response = client.post(change_url(petition), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    return response


@pytest.fixture
def edited(e2829, clerk):
    save_with(
        clerk,
        e2829,
        lead_in_en="We, the undersigned, residents of Canada, call upon the Government to:",
        **{"clauses-0-text_en": "The election in Belarus was rigged;"},
    )
    return e2829


def test_history_shows_who_changed_which_field_from_what_to_what(edited, clerk):
    text = page_text(clerk.get(history_url(edited)))
    assert "clara-clerk" in text
    assert "Prayer [en]" in text
    assert "Canadians and permanent residents of Canada" in text  # old value
    assert "call upon the Government to:" in text  # new value
    assert "Whereas clause 1 changed" in text
    assert "The August 9, 2020, Presidential election" in text
    assert "The election in Belarus was rigged;" in text


def test_history_keeps_both_languages(edited, clerk):
    save_with(clerk, Petition.objects.get(pk=edited.pk), lead_in_fr="Nous, soussignés, ...")
    text = page_text(clerk.get(history_url(edited)))
    assert "Prayer [fr]" in text and "Nous, soussignés, ..." in text


def test_a_clerk_restores_the_earlier_version(edited, clerk):
    petition = Petition.objects.get(pk=edited.pk)
    before_edit = petition.history.order_by("history_date")[0]
    clause = petition.clauses.get(position=1)
    clause_before = clause.history.order_by("history_date")[0]

    url = f"{history_url(petition)}restore/petition/{before_edit.history_id}/"
    assert clerk.post(url).status_code == 302
    url = f"{history_url(petition)}restore/clause/{clause_before.history_id}/"
    response = clerk.post(url, follow=True)
    assert "The version was restored." in page_text(response)

    petition.refresh_from_db()
    assert petition.lead_in_en.startswith("We, the undersigned, Canadians and permanent")
    assert petition.clauses.get(position=1).text.startswith("The August 9, 2020")
    public = page_text(clerk.get("/en/petitions/e-2829/"))
    assert "The August 9, 2020, Presidential election" in public


def test_a_deleted_clause_is_brought_back(e2829, clerk):
    data = rendered_form_data(clerk.get(change_url(e2829)))
    data["clauses-2-DELETE"] = "on"
    assert clerk.post(change_url(e2829), data).status_code == 302
    assert e2829.clauses.count() == 2
    text = page_text(clerk.get(history_url(e2829)))
    assert "Whereas clause 3 deleted" in text
    deleted = e2829.clauses.model.history.filter(history_type="-").get()
    clerk.post(f"{history_url(e2829)}restore/clause/{deleted.history_id}/")
    assert e2829.clauses.count() == 3
    assert e2829.clauses.get(position=3).text.startswith("The repression resulted")


def test_a_version_that_no_longer_fits_is_refused_with_a_message(e2829, clerk):
    # Clause 3 removed, then another clause written at its place.
    e2829.clauses.get(position=3).delete()
    e2829.clauses.create(position=3, text_en="A new third clause.")
    deleted = e2829.clauses.model.history.filter(history_type="-").get()
    response = clerk.post(f"{history_url(e2829)}restore/clause/{deleted.history_id}/", follow=True)
    assert "That version was not restored" in page_text(response)
    assert "cannot share a position" in page_text(response)
    assert e2829.clauses.get(position=3).text == "A new third clause."


def test_a_reviewer_reads_the_history_but_cannot_restore(edited, reviewer):
    text = page_text(reviewer.get(history_url(edited)))
    assert "Prayer [en]" in text and "Restore this version" not in text
    record = Petition.history.order_by("history_date")[0]
    url = f"{history_url(edited)}restore/petition/{record.history_id}/"
    assert reviewer.post(url).status_code == 403


def test_a_version_of_another_petition_is_not_found(samples, clerk):
    e2829 = Petition.objects.get(e_number=2829)
    other = Petition.objects.exclude(pk=e2829.pk).first()
    other.save()
    record = other.history.latest()
    url = f"{history_url(e2829)}restore/petition/{record.history_id}/"
    assert clerk.post(url).status_code == 404


def test_history_page_queries_do_not_grow_with_the_versions(
    edited, clerk, django_assert_max_num_queries
):
    """Session, user, petition, one query per kind of part, one per related model named."""
    for n in range(5):
        save_with(clerk, Petition.objects.get(pk=edited.pk), lead_in_en=f"Version {n}:")
    with django_assert_max_num_queries(14):
        response = clerk.get(history_url(edited))
    assert "Version 4:" in page_text(response)
