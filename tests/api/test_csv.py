"""A researcher downloads a search as CSV to load into a spreadsheet."""

import csv
import io

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from api.links import petitions_csv_url
from petitions.models import Member, Petition, Subject


def download(client, query):
    response = client.get("/api/v1/petitions/", {**query, "format": "csv"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="petitions.csv"'
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


@pytest.mark.parametrize(
    "query", [{}, {"status": "responded"}, {"subject": "health", "sort": "most_signatures"}]
)
def test_csv_of_a_search_has_its_rows_in_its_order(client, samples, query):
    rows = download(client, query)
    listed = client.get("/api/v1/petitions/", {**query, "page_size": 100}).json()["results"]
    assert [r["number"] for r in rows] == [p["number"] for p in listed]
    for row, petition in zip(rows, listed, strict=True):
        assert row["status"] == petition["status"]
        assert row["subject"] == petition["subject"]["name"]["en"]
        assert row["signatures"] == str(petition["signatures"] or "")
        assert row["presented_on"] == (petition["presented_on"] or "")
        assert row["response_tabled_on"] == (petition["response_tabled_on"] or "")
        assert row["url"] == petition["url"]


def test_csv_row_of_e2829(client, e2829):
    [row] = download(client, {})
    assert row == {
        "number": "e-2829",
        "e_number": "e-2829",
        "petition_no": "432-00158",
        "kind": "electronic",
        "status": "responded",
        "opened_at": "2020-09-15T09:30:00-04:00",
        "closed_at": "2020-10-15T09:30:00-04:00",
        "certified_on": "",
        "presented_on": "2020-10-26",
        "subject": "Foreign affairs",
        "subject_fr": "Affaires étrangères",
        "sponsor": "Chandra Arya",
        "sponsor_riding": "Nepean",
        "signatures": "",
        "response_tabled_on": "2020-12-09",
        "response_due_on": "2020-12-10",
        "response_late": "false",
        "url": "http://testserver/en/petitions/e-2829/",
    }


def test_a_late_response_is_flagged(client, samples):
    [row] = download(client, {"q": "packaging"})
    assert row["number"] == "441-90001"
    assert row["response_late"] == "true"


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://example.com","x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab"]
)
def test_formula_looking_cells_are_made_inert(client, e2829, text):
    Subject.objects.filter(slug="foreign-affairs").update(name_en=text)
    Member.objects.filter(slug="chandra-arya").update(name=text)
    [row] = download(client, {})
    assert row["subject"] == row["sponsor"] == "'" + text
    assert row["subject_fr"] == "Affaires étrangères"


@pytest.mark.parametrize(
    ("query", "parameter"), [({"status": "bogus"}, "status"), ({"page_size": "0"}, "page_size")]
)
def test_a_bad_csv_query_gets_a_json_400_naming_the_parameter(client, samples, query, parameter):
    response = client.get("/api/v1/petitions/", {**query, "format": "csv"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == [parameter]


def test_options_on_a_csv_query_answers_in_json(client, samples):
    response = client.options("/api/v1/petitions/", {"format": "csv"})
    assert response.status_code == 200
    assert response.json()["name"] == "Petition List"


def test_csv_reads_the_rows_in_one_query_however_many(client, samples, django_assert_num_queries):
    """One query (a cursor read in chunks), not one per row or per related record."""
    with django_assert_num_queries(1):
        rows = download(client, {})
    assert len(rows) == Petition.objects.count() == 5


def test_csv_url_keeps_the_query_and_drops_the_page():
    url = petitions_csv_url("q=Belarus&status=responded&subject=a&subject=b&page=3&page_size=50")
    assert url == "/api/v1/petitions/?q=Belarus&status=responded&subject=a&subject=b&format=csv"
    assert petitions_csv_url("") == "/api/v1/petitions/?format=csv"


def test_search_page_template_tag_links_to_its_own_query(client, samples):
    request = RequestFactory().get("/en/search/", {"q": "packaging", "page": "2"})
    link = Template('{% load api_tags %}<a href="{% search_csv_url %}">CSV</a>').render(
        Context({"request": request})
    )
    assert link == '<a href="/api/v1/petitions/?q=packaging&amp;format=csv">CSV</a>'
    response = client.get("/api/v1/petitions/?q=packaging&format=csv")
    assert b"".join(response.streaming_content).decode().splitlines()[1].startswith("441-90001,")
