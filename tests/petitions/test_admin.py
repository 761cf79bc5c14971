"""A clerk enters and corrects petitions through the admin."""

import pytest
from django.contrib.auth import get_user_model

from petitions.models import Member, ParliamentSession, Petition, Subject, WhereasClause
from tests.conftest import page_text, rendered_form_data


@pytest.fixture
def clerk_client(client, db):
    user = get_user_model().objects.create_superuser("clerk", "clerk@example.org", "pw")
    client.force_login(user)
    return client


def inline_management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def new_petition_form(session, subject, member, clauses, demands, response=True):
    data = {
        "kind": "electronic",
        "e_number": "e-3001",
        "petition_no": "432-00999",
        "session": str(session.pk),
        "status": "responded" if response else "presented",
        "subject": str(subject.pk),
        "initiator_name": "Ada Example",
        "initiator_city": "Moncton",
        "initiator_province": "NB",
        "original_language": "en",
        "addressee_kind": "house",
        "clause_style": "bulleted",
        "lead_in_en": "We, the undersigned, call upon the House of Commons to:",
        "demand_style": "numbered",
        "opened_at_0": "2020-11-02",
        "opened_at_1": "10:00:00",
        "scheduled_close_at_0": "2021-01-01",
        "scheduled_close_at_1": "10:00:00",
        "closed_at_0": "2021-01-01",
        "closed_at_1": "10:00:00",
        "certified_on": "2021-01-05",
        "presented_on": "2021-02-01",
        "sponsor": str(member.pk),
        "presenter": str(member.pk),
        "signatures": "812",
    }
    data.update(inline_management("clauses", len(clauses)))
    for index, text in enumerate(clauses):
        data[f"clauses-{index}-position"] = str(index + 1)
        data[f"clauses-{index}-text_en"] = text
    data.update(inline_management("demands", len(demands)))
    for index, text in enumerate(demands):
        data[f"demands-{index}-position"] = str(index + 1)
        data[f"demands-{index}-text_en"] = text
    data.update(inline_management("response", 1 if response else 0))
    if response:
        data.update(
            {
                "response-0-office_en": "Minister of Transport",
                "response-0-signer_name": "The Honourable Sample Minister",
                "response-0-signer_capacity": "minister",
                "response-0-text_en": "First paragraph.\r\n\r\nSecond paragraph.",
                "response-0-tabled_on": "2021-03-10",
            }
        )
    data.update(inline_management("signature_counts", 0))
    return data


@pytest.fixture
def reference(e2829):
    return (
        ParliamentSession.objects.get(parliament=43, number=2),
        Subject.objects.get(slug="foreign-affairs"),
        Member.objects.get(slug="chandra-arya"),
    )


def test_clerk_adds_a_petition_and_the_public_reads_it(clerk_client, reference):
    clauses = ["Rail service is slow;", "Buses are full;", "Roads are congested."]
    demands = [f"Demand number {n}." for n in range(1, 9)]
    response = clerk_client.post(
        "/admin/petitions/petition/add/", new_petition_form(*reference, clauses, demands)
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    petition = Petition.objects.get(e_number=3001)
    assert [c.text for c in petition.clauses.all()] == clauses
    assert petition.response.paragraphs == ["First paragraph.", "Second paragraph."]
    public = page_text(clerk_client.get("/en/petitions/e-3001/"))
    for sentence in [*clauses, *demands, "First paragraph.", "Second paragraph."]:
        assert sentence in public
    assert "Response by the Minister of Transport" in public
    assert "Late: tabled 37 days" not in public


def test_bad_inline_saves_nothing_and_names_the_problem(clerk_client, reference):
    data = new_petition_form(*reference, ["One;", "Two."], ["Ask."])
    data["clauses-1-position"] = "1"
    response = clerk_client.post("/admin/petitions/petition/add/", data)
    assert response.status_code == 200
    assert "cannot share position 1" in response.content.decode()
    assert not Petition.objects.filter(e_number=3001).exists()


def test_response_without_the_matching_status_is_refused(clerk_client, reference):
    data = new_petition_form(*reference, ["One."], ["Ask."])
    data["status"] = "presented"
    response = clerk_client.post("/admin/petitions/petition/add/", data)
    assert response.status_code == 200
    assert "has the status “Government response tabled”" in response.content.decode()
    assert not Petition.objects.filter(e_number=3001).exists()


def test_status_against_the_dates_is_a_form_error_not_a_500(clerk_client, reference):
    data = new_petition_form(*reference, ["One."], ["Ask."], response=False)
    data["status"] = "open"
    response = clerk_client.post("/admin/petitions/petition/add/", data)
    assert response.status_code == 200
    assert "does not agree with the dates" in response.content.decode()


def test_clerk_swaps_two_clauses_in_one_save(clerk_client, e2829):
    change_url = f"/admin/petitions/petition/{e2829.pk}/change/"
    # Post back the page exactly as rendered, with positions 1 and 2 swapped.
    data = rendered_form_data(clerk_client.get(change_url))
    clause_ids = list(e2829.clauses.values_list("pk", flat=True))
    data["clauses-0-position"], data["clauses-1-position"] = "2", "1"
    response = clerk_client.post(change_url, data)
    assert response.status_code == 302, _errors(response)
    moved = WhereasClause.objects.get(pk=clause_ids[0])
    assert moved.position == 2
    assert e2829.clauses.first().text.startswith("Dictator Lukashenko")


def test_admin_finds_a_petition_by_a_loosely_typed_number(clerk_client, samples):
    response = clerk_client.get("/admin/petitions/petition/", {"q": "E2829"})
    assert list(response.context["cl"].queryset) == [Petition.objects.get(e_number=2829)]
    response = clerk_client.get("/admin/petitions/petition/", {"q": "44190001"})
    assert [p.number for p in response.context["cl"].queryset] == ["441-90001"]


def _errors(response):
    if response.context is None:
        return response
    return [response.context.get("errors"), response.context.get("inline_admin_formsets")]


def test_francophone_clerk_works_in_french_with_both_texts_side_by_side(clerk_client, e2829):
    response = clerk_client.get(
        f"/admin/petitions/petition/{e2829.pk}/change/", headers={"accept-language": "fr-CA,fr"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="fr"' in body
    assert "Numéros et statut" in body and "Prière [en]" in body
    assert "Réponse du gouvernement déposée" in body  # the status choices
    assert "/static/petitions/admin-side-by-side.css" in body
    # The English and French versions of each text share one row of the form.
    for field in ("addressee_name", "lead_in"):
        assert f'class="form-row field-{field}_en field-{field}_fr"' in body
    for field in ("office", "text"):
        assert f"field-{field}_en field-{field}_fr" in body


def test_subject_admin_shows_both_names_side_by_side(clerk_client, e2829):
    subject = e2829.subject
    body = clerk_client.get(f"/admin/petitions/subject/{subject.pk}/change/").content.decode()
    assert 'class="form-row field-name_en field-name_fr"' in body
