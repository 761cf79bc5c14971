"""A clerk enters petitions of the shapes real pages take, and reads them back publicly."""

import pytest

from petitions.models import Member, ParliamentSession, Petition, Subject
from tests.pagetext import lines_in_order, page_lines
from tests.petitions.test_admin import clerk_client, inline_management, new_petition_form

__all__ = ["clerk_client"]


@pytest.fixture
def reference(db):
    session = ParliamentSession.objects.get_by_code("421")
    subject = Subject.objects.create(slug="harjit-sajjan", name_en="Harjit Sajjan")
    # The page shows no province for this sponsor, and no riding in the sponsor's block.
    member = Member.objects.create(name="James Bezan", slug="james-bezan", caucus_en="Conservative")
    return session, subject, member


def public_lines(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return page_lines(response.content.decode(), "petition")


def test_clerk_enters_a_42nd_parliament_petition_answered_by_sessional_paper(
    clerk_client, reference
):
    clauses = ["Admitted to exaggerating his role;", "Lost the confidence of members; and"]
    data = new_petition_form(*reference, clauses, [], response=True)
    data.update(
        {
            "e_number": "e-1088",
            "petition_no": "421-01690",
            "addressee_kind": "government",
            "grievance_intro_en": "Whereas the Minister of National Defence has:",
            "lead_in_en": "We, the undersigned, residents of Canada, call upon the Government "
            "of Canada to remove the Minister.",
            "opened_at_0": "2017-05-10",
            "opened_at_1": "11:38:00",
            "scheduled_close_at_0": "2017-09-07",
            "scheduled_close_at_1": "11:38:00",
            "closed_at_0": "2017-09-07",
            "closed_at_1": "11:38:00",
            "certified_on": "2017-09-12",
            "presented_on": "2017-09-28",
            "response-0-office_en": "",
            "response-0-signer_name": "",
            "response-0-text_en": "",
            "response-0-sessional_paper": "8545-421-179-01",
            "response-0-tabled_on": "2017-11-20",
        }
    )
    response = clerk_client.post("/admin/petitions/petition/add/", data)
    assert response.status_code == 302, response.context and response.context["errors"]
    petition = Petition.objects.get(e_number=1088)
    assert petition.response.sessional_paper == "8545-421-179-01"
    assert not petition.response.in_full
    assert (
        lines_in_order(
            [
                "e-1088 (Harjit Sajjan)",
                "Petition to the Government of Canada",
                "Whereas the Minister of National Defence has:",
                "• Admitted to exaggerating his role;",
                "• Lost the confidence of members; and",
                "We, the undersigned, residents of Canada, call upon the Government of Canada to "
                "remove the Minister.",
                "Government response tabled on November 20, 2017 "
                "(Sessional Paper No. 8545-421-179-01)",
                "Open for signature",
                "May 10, 2017, at 11:38 a.m. (EDT)",
                "Presented to the House of Commons",
                "James Bezan",
                "September 28, 2017 (Petition No. 421-01690)",
                "Government response tabled",
                "November 20, 2017",
                "James Bezan",
                "Conservative Caucus",
            ],
            public_lines(clerk_client, "/en/petitions/e-1088/"),
        )
        == []
    )


def test_a_response_in_part_is_refused_with_what_is_missing(clerk_client, reference):
    data = new_petition_form(*reference, ["One."], [], response=True)
    data.update(
        {
            "e_number": "e-1088",
            "petition_no": "421-01690",
            "presented_on": "2021-02-01",
            "response-0-office_en": "",
            "response-0-sessional_paper": "8545-421",
        }
    )
    response = clerk_client.post("/admin/petitions/petition/add/", data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "A Sessional Paper No. reads like 8545-421-179-01." in body
    assert "A response recorded in full names its office." in body
    assert not Petition.objects.filter(e_number=1088).exists()


def test_clerk_enters_sub_items_and_closing_paragraphs_and_reads_them_in_french(
    clerk_client, reference
):
    session, subject, member = reference
    subject.name_fr = "Justice"
    subject.save()
    items = ["(i) Les manifestants sont inscrits,", "(ii) Le nombre atteint un seuil précis,"]
    data = new_petition_form(session, subject, member, [], [], response=False)
    data.update(
        {
            "e_number": "e-3933",
            "petition_no": "",
            "presented_on": "",
            "certified_on": "",
            "status": "closed",
            "original_language": "en",
            "addressee_kind": "government",
            "lead_in_en": "",
            "lead_in_fr": "Nous soussignés, citoyens canadiens, prions le gouvernement du "
            "Canada d’adopter une mesure si le groupe répond aux critères suivants :",
            "demand_style": "marked",
            "closing_fr": "Premier paragraphe après la prière.\r\n\r\nSecond paragraphe.",
            "opened_at_0": "2016-03-30",
            "opened_at_1": "10:35:00",
            "scheduled_close_at_0": "2016-05-29",
            "scheduled_close_at_1": "10:35:00",
            "closed_at_0": "2016-05-29",
            "closed_at_1": "10:35:00",
            "presenter": "",
        }
    )
    data.update(inline_management("demands", len(items)))
    for index, text in enumerate(items):
        data[f"demands-{index}-position"] = str(index + 1)
        data[f"demands-{index}-text_fr"] = text
    response = clerk_client.post("/admin/petitions/petition/add/", data)
    assert response.status_code == 302, response.context and response.context["errors"]
    lines = public_lines(clerk_client, "/fr/petitions/e-3933/")
    assert (
        lines_in_order(
            [
                "e-3933 (Justice)",
                "Pétition au gouvernement du Canada",
                "Nous soussignés, citoyens canadiens, prions le gouvernement du Canada d’adopter "
                "une mesure si le groupe répond aux critères suivants :",
                *items,
                "Premier paragraphe après la prière.",
                "Second paragraphe.",
                "Ouverte pour signature",
                "30 mars 2016 à 10 h 35 (HAE)",
                "Fermée pour signature",
            ],
            lines,
        )
        == []
    )
    record = clerk_client.get("/api/v1/petitions/e-3933/").json()
    assert [demand["text"]["fr"] for demand in record["demands"]] == items
    assert record["closing"]["fr"].split("\n\n")[1] == "Second paragraphe."


def test_the_admin_speaks_as_the_houses_record_and_finds_sessions_as_typed(clerk_client, reference):
    body = clerk_client.get("/admin/").content.decode()
    assert "House of Commons petitions: the record" in body
    assert "Django administration" not in body
    found = clerk_client.get(
        "/admin/autocomplete/",
        {
            "term": "42-1",
            "app_label": "petitions",
            "model_name": "petition",
            "field_name": "session",
        },
    ).json()
    assert [result["text"] for result in found["results"]] == ["42nd Parliament, 1st Session"]
