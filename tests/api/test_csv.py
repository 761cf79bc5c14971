"""A researcher downloads a search as CSV to load into a spreadsheet."""

import csv
import io

import pytest
from django.core.management import call_command
from django.core.signals import request_finished
from django.db import close_old_connections

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
        "response_sessional_paper": "",
        "made_up": "false",
    }


@pytest.mark.django_db
def test_csv_gives_a_responses_sessional_paper_and_which_records_are_made_up(client):
    call_command("load_sample_records", verbosity=0)
    rows = {row["number"]: row for row in download(client, {})}
    assert rows["e-1088"]["response_sessional_paper"] == "8545-421-179-01"
    assert rows["e-1088"]["made_up"] == "false"
    assert rows["e-90004"]["made_up"] == "true"
    # Columns added to the export come after those readers already know.
    header = client.get("/api/v1/petitions/", {"format": "csv"})
    first = b"".join(header.streaming_content).decode().splitlines()[0]
    assert first.endswith('"url","response_sessional_paper","made_up"')


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


def test_a_searchs_csv_lists_its_petitions(client, samples):
    response = client.get("/api/v1/petitions/?q=packaging&format=csv")
    assert b"".join(response.streaming_content).decode().splitlines()[1].startswith('"441-90001",')


# --- Spreadsheets that split on another separator, and quotes they ignore.

FORMULA_SIGNS = ("=", "+", "-", "@")


def cells_as_split_on(body, separator):
    """The cells a spreadsheet makes of each line when it splits on ``separator`` and
    honours no quotes (the worst case): an opening quote is dropped, the rest kept."""
    for line in body.splitlines():
        for cell in line.split(separator):
            yield cell.strip(" ").lstrip('"').lstrip(" ")


@pytest.mark.parametrize(
    "text",
    [";=1+1", 'Health;=HYPERLINK("http://example.com")', "a, -2+3", "x\t@SUM(A1)", "a;  +1"],
)
def test_no_cell_starts_a_formula_whatever_the_spreadsheets_separator(client, e2829, text):
    """French-locale spreadsheets split on semicolons: a ``;`` inside a value must not
    start a cell with a formula, quoted or not."""
    Subject.objects.filter(slug="foreign-affairs").update(name_en=text)
    response = client.get("/api/v1/petitions/", {"format": "csv"})
    body = b"".join(response.streaming_content).decode()
    for separator in (",", ";", "\t"):
        for cell in cells_as_split_on(body, separator):
            assert not cell.startswith(FORMULA_SIGNS), (separator, cell)
    # Read as CSV, as written (commas, quotes), the value is all there.
    [row] = csv.DictReader(io.StringIO(body))
    assert row["subject"].replace("'", "") == text


def test_every_cell_is_quoted(client, e2829):
    body = b"".join(client.get("/api/v1/petitions/?format=csv").streaming_content).decode()
    for line in body.splitlines():
        assert line.startswith('"') and line.endswith('"')
    assert '"e-2829","e-2829","432-00158","electronic"' in body


# --- How much one client may export.


def close(response):
    """Close a response as the server does when a client goes away, without the
    request_finished signal closing the test's own database transaction."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


@pytest.fixture
def start_export(client):
    """Starts an export and leaves it streaming, as a slow client would; every
    response still open is closed at the end, as the server closes it."""
    started = []

    def start(address="192.0.2.1"):
        response = client.get("/api/v1/petitions/", {"format": "csv"}, REMOTE_ADDR=address)
        started.append(response)
        return response

    yield start
    for response in started:
        close(response)


def test_ten_parallel_exports_from_one_client_stream_two_at_a_time(samples, settings, start_export):
    settings.EXPORTS_PER_CLIENT = 2
    started = [start_export() for _ in range(10)]
    assert [r.status_code for r in started] == [200, 200] + [429] * 8
    refused = started[2]
    assert refused["Content-Type"] == "application/json"
    assert refused["Retry-After"] == "10"
    assert "At most 2 exports at once" in refused.json()["detail"]
    # Another client is not held up by this one.
    assert start_export("198.51.100.7").status_code == 200
    # Once one finishes, the next may start.
    b"".join(started[0].streaming_content)
    assert start_export().status_code == 200


def test_a_client_that_drops_an_export_frees_its_slot(samples, settings, start_export):
    settings.EXPORTS_PER_CLIENT = 1
    first = start_export()
    assert start_export().status_code == 429
    close(first)  # the client went away
    assert start_export().status_code == 200


def test_the_site_streams_at_most_so_many_exports_at_once(samples, settings, start_export):
    settings.EXPORTS_AT_ONCE = 2
    held = [start_export(f"192.0.2.{n}") for n in (1, 2)]
    assert [r.status_code for r in held] == [200, 200]
    response = start_export("192.0.2.3")
    assert response.status_code == 429
    assert response["Retry-After"] == "10"
    for r in held:
        close(r)
    assert start_export("192.0.2.3").status_code == 200


def test_exports_are_counted_against_their_own_rate(client, samples, settings, start_export):
    settings.EXPORT_RATE = "3/hour"
    for _ in range(3):
        response = start_export()
        assert response.status_code == 200
        b"".join(response.streaming_content)
    refused = start_export()
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 3600
    # JSON pages of the API are not exports.
    assert client.get("/api/v1/petitions/", REMOTE_ADDR="192.0.2.1").status_code == 200
