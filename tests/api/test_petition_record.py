"""A researcher reads a petition's whole record through the API."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from petitions.models import Demand, WhereasClause

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "e-2829.json"


def published(model):
    """The fixture's records of one model, as loaded from fixtures/e-2829.json itself."""
    return [r["fields"] for r in json.loads(FIXTURE.read_text()) if r["model"] == model]


def test_e2829_through_the_api_equals_the_fixture(client, e2829):
    record = client.get("/api/v1/petitions/e-2829/").json()
    [petition] = published("petitions.petition")
    [subject] = published("petitions.subject")
    [member] = published("petitions.member")
    [session] = published("petitions.parliamentsession")
    [response] = published("responses.governmentresponse")

    assert record["number"] == record["e_number"] == "e-2829"
    assert record["petition_no"] == petition["petition_no"] == "432-00158"
    assert record["kind"] == petition["kind"]
    assert record["status"] == petition["status"]
    assert record["status_label"] == "Government response tabled"
    assert record["subject"]["slug"] == subject["slug"]
    assert record["subject"]["name"] == {"en": subject["name_en"], "fr": subject["name_fr"]}
    assert record["keywords"] == []
    assert record["session"] == {
        "code": "432",
        "parliament": session["parliament"],
        "number": session["number"],
    }
    assert record["initiator"] == {
        "name": petition["initiator_name"],
        "city": petition["initiator_city"],
        "province": petition["initiator_province"],
    }
    assert record["original_language"] == petition["original_language"]
    assert record["addressee"] == {
        "kind": "government",
        "label": "Government of Canada",
        "name": {"en": None, "fr": None},
        "line": {
            "en": "Petition to the Government of Canada",
            "fr": "Pétition au gouvernement du Canada",
        },
    }
    assert record["grievance_intro"] == {"en": "Whereas:", "fr": None}
    assert record["lead_in"] == {"en": petition["lead_in_en"], "fr": petition["lead_in_fr"]}
    assert record["closing"] == {"en": None, "fr": None}
    assert record["made_up"] is False

    clauses = sorted(published("petitions.whereasclause"), key=lambda c: c["position"])
    assert record["whereas"] == [
        {"position": c["position"], "text": {"en": c["text_en"], "fr": c["text_fr"]}}
        for c in clauses
    ]
    demands = sorted(published("petitions.demand"), key=lambda d: d["position"])
    assert record["demands"] == [
        {"position": d["position"], "text": {"en": d["text_en"], "fr": d["text_fr"]}}
        for d in demands
    ]
    assert len(record["whereas"]) == 3 and len(record["demands"]) == 8

    assert record["sponsor"]["slug"] == record["presenter"]["slug"] == member["slug"]
    assert record["sponsor"]["name"] == member["name"]
    assert record["opened_at"] == petition["opened_at"]
    assert record["scheduled_close_at"] == petition["scheduled_close_at"]
    assert record["closed_at"] == petition["closed_at"]
    assert record["certified_on"] is None
    assert record["presented_on"] == petition["presented_on"]
    assert record["signatures"] is None
    assert record["signatures_by_province"] == []

    paragraphs = response["text_en"].split("\n\n")
    assert len(paragraphs) == 12
    assert record["response"] == {
        "in_full": True,
        "sessional_paper": "",
        "office": {"en": response["office_en"], "fr": None},
        "signer_name": response["signer_name"],
        "signer_capacity": "minister",
        "signer_capacity_label": "Minister",
        "paragraphs": {"en": paragraphs, "fr": []},
        "tabled_on": response["tabled_on"],
        "due_on": "2020-12-10",
        "late": False,
        "days_to_respond": 44,
    }
    assert record["response_tabled_on"] == "2020-12-09"
    assert record["response_due_on"] == "2020-12-10"
    assert record["response_late"] is False
    assert record["overdue"] is False
    assert record["url"] == "http://testserver/en/petitions/e-2829/"
    assert record["api_url"] == "http://testserver/api/v1/petitions/e-2829/"


def test_signatures_by_province_and_french_text_come_through(client, samples):
    record = client.get("/api/v1/petitions/e-90003/").json()
    counts = {c["province"]: c["count"] for c in record["signatures_by_province"]}
    assert counts["NS"] == 1100
    assert sum(counts.values()) == record["signatures"]
    assert record["signatures_by_province"][0].keys() == {"province", "province_label", "count"}
    french = client.get("/api/v1/petitions/e-90002/").json()
    assert french["original_language"] == "fr"
    assert french["lead_in"]["fr"]


@pytest.mark.parametrize("number", ["E-2829", "e2829", "2829", "432-00158", "43200158"])
def test_numbers_are_accepted_as_people_type_them(client, e2829, number):
    response = client.get(f"/api/v1/petitions/{number}/")
    assert response.status_code == 200
    assert response.json()["number"] == "e-2829"


@pytest.mark.parametrize("number", ["e-9999", "xyz", "432-0015", "0", "e-0"])
def test_unknown_or_malformed_numbers_get_a_json_404(client, e2829, number):
    response = client.get(f"/api/v1/petitions/{number}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": f"No petition has the number {number}."}


def test_record_query_count_does_not_grow_with_its_text(client, e2829, django_assert_num_queries):
    """The petition with its subject, session, Members and response, then all its parts."""
    with django_assert_num_queries(2):
        client.get("/api/v1/petitions/e-2829/")
    for position in range(4, 40):
        WhereasClause.objects.create(petition=e2829, position=position, text_en="More.")
        Demand.objects.create(petition=e2829, position=position + 5, text_en="More.")
    with django_assert_num_queries(2):
        record = client.get("/api/v1/petitions/e-2829/").json()
    assert len(record["whereas"]) == 39 and len(record["demands"]) == 44
