"""What readers, clerks and the load balancer see when the database fails."""

import http.client
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import DatabaseError, OperationalError, connection
from django.test import Client

import api.exports
from petitions.models import Demand, ParliamentSession, Petition, WhereasClause
from responses.models import GovernmentResponse
from tests.ops.conftest import UnreachableDatabase, closed_port
from tests.petitions.test_admin import new_petition_form

PROJECT = Path(__file__).resolve().parents[2]

PAGES = [
    "/en/",
    "/en/petitions/",
    "/en/petitions/e-2829/",
    "/en/search/?q=belarus",
    "/en/members/jordan-sample/",
    "/en/sessions/432/",
]


def test_load_balancer_health_check_follows_the_database(client, unreachable_database):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "unavailable",
        "replica": "off",
        "cache": "local",
    }
    unreachable_database.restore()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "replica": "off", "cache": "local"}


@pytest.mark.parametrize("url", PAGES)
def test_reader_gets_a_clear_503_while_the_database_is_down_and_the_page_after(
    client, samples, unreachable_database, url
):
    response = client.get(url)
    assert response.status_code == 503
    body = response.content.decode()
    assert "The petition record is temporarily unavailable" in body
    assert "Traceback" not in body and "OperationalError" not in body
    assert response["Retry-After"] == "30"
    assert "default-src 'none'" in response["Content-Security-Policy"]

    unreachable_database.restore()
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert "temporarily unavailable" not in response.content.decode()


def test_clerk_whose_save_fails_midway_is_told_and_nothing_is_half_saved(
    clerk_client, e2829, monkeypatch
):
    """The response is saved last: by then the petition and its clauses were written."""

    def connection_lost(self, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(GovernmentResponse, "save", connection_lost)
    form = new_petition_form(
        ParliamentSession.objects.get(parliament=43, number=2),
        e2829.subject,
        e2829.sponsor,
        ["Rail service is slow;", "Roads are congested."],
        ["Build a railway."],
    )
    parts_before = WhereasClause.objects.count(), Demand.objects.count()
    response = clerk_client.post("/admin/petitions/petition/add/", form)
    assert response.status_code == 503
    body = response.content.decode()
    assert "Your changes were not saved." in body
    assert not Petition.objects.filter(e_number=3001).exists()
    assert (WhereasClause.objects.count(), Demand.objects.count()) == parts_before


# --- As production runs (the page cache on): every kind of address while the database is down.


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


# Every kind of page that reads the record: each is a 503 page while it cannot be read.
READS_THE_RECORD = [
    *PAGES,
    "/fr/petitions/e-2829/",
    "/en/subjects/health/",
    "/en/petitions/?per_page=10&junk=1",
    "/feeds/petitions/",
    "/feeds/responses/",
    "/feeds/members/jordan-sample/petitions/",
    "/feeds/subjects/health/responses/",
    "/sitemap.xml",
    "/sitemap-petitions-en.xml",
]
# Addresses that need no record answer as usual.
READS_NOTHING = [
    ("/robots.txt", 200),
    ("/admin/login/", 200),
    ("/favicon.ico", 301),
    ("/", 302),
    ("/petitions/e-2829/", 302),
    ("/no-such-page/", 404),
]
API = [
    "/api/v1/petitions/",
    "/api/v1/petitions/?format=csv",
    "/api/v1/petitions/e-2829/",
    "/api/v1/members/",
    "/api/v1/subjects/",
    "/api/v1/sessions/",
]


def assert_unavailable_page(response):
    assert response.status_code == 503, response.status_code
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert [template.name for template in response.templates][-1:] == ["503.html"]
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("url", READS_THE_RECORD)
def test_with_the_page_cache_on_a_reader_gets_503_not_500_while_the_database_is_down(
    client, samples, page_cache, unreachable_database, url
):
    assert_unavailable_page(client.get(url))
    unreachable_database.restore()
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(("url", "status"), READS_NOTHING)
def test_addresses_that_read_no_record_answer_as_usual_while_the_database_is_down(
    client, db, page_cache, unreachable_database, url, status
):
    assert client.get(url).status_code == status


@pytest.mark.parametrize("url", API)
def test_api_and_csv_answer_a_json_503_while_the_database_is_down(
    client, samples, page_cache, unreachable_database, url
):
    response = client.get(url)
    assert response.status_code == 503
    assert not response.streaming
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "The petition record is temporarily unavailable"}
    assert response["Retry-After"] == "30"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_readers_keep_reading_cached_pages_marked_stale_while_the_database_is_down(
    client, samples, page_cache, unreachable_database
):
    cached = [
        "/en/",
        "/en/petitions/e-2829/",
        "/fr/petitions/?status=responded",
        "/feeds/petitions/",
    ]
    unreachable_database.restore()
    fresh = {url: client.get(url) for url in cached}
    assert all(r.status_code == 200 and "stale" not in r["Cache-Status"] for r in fresh.values())

    unreachable_database.cut()
    for url in cached:
        response = client.get(url)
        assert response.status_code == 200
        assert response.content == fresh[url].content
        assert response["Cache-Status"] == "petition-record; hit; detail=stale"
        assert int(response["Age"]) >= 0
        assert response["ETag"] == fresh[url]["ETag"]
    # Pages this process never served are not there to fall back on.
    assert_unavailable_page(client.get("/en/subjects/health/"))
    assert_unavailable_page(client.get("/en/petitions/?status=open"))

    unreachable_database.restore()
    response = client.get("/en/petitions/e-2829/")
    assert response.status_code == 200
    assert response["Cache-Status"] == "petition-record; hit"


def test_a_signed_in_clerk_gets_503_pages_not_500s_while_the_database_is_down(
    django_user_model, samples, page_cache, transactional_db, tmp_path
):
    """The session cannot be read: outside any view (the page cache asks who is
    signed in, the session middleware saves the session) as well as inside one."""
    clerk = Client(raise_request_exception=False)
    clerk.force_login(django_user_model.objects.create_superuser("clerk", "c@example.org", "pw"))
    database = UnreachableDatabase(tmp_path)
    try:
        for url in ("/en/petitions/e-2829/", "/en/", "/feeds/petitions/", "/admin/"):
            assert_unavailable_page(clerk.get(url))
        response = clerk.post("/admin/petitions/petition/add/", {})
        assert_unavailable_page(response)
        assert "Your changes were not saved." in response.content.decode()
    finally:
        database.close()


def test_a_login_attempt_is_a_503_while_the_database_is_down(
    samples, page_cache, unreachable_database
):
    response = Client(raise_request_exception=False).post(
        "/admin/login/", {"username": "clerk", "password": "pw"}
    )
    assert_unavailable_page(response)


def lose_the_connection(connection, monkeypatch):
    """The database server ends this connection, as when it restarts or fails over."""
    if connection.vendor == "postgresql":
        pid = connection.connection.info.backend_pid
        other = connection.copy()
        try:
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        finally:
            other.close()
        return
    # SQLite has no server to lose: its next read fails as a lost server's would.
    from django.db.backends.sqlite3.base import SQLiteCursorWrapper

    def fails(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(SQLiteCursorWrapper, "fetchmany", fails)


def test_a_csv_cut_off_by_the_database_midway_ends_in_an_error_not_a_short_file(
    client, samples, transactional_db, monkeypatch
):
    """The header and first row are read before the response starts; a failure after
    that is raised to the server (which drops the connection), never swallowed into a
    file that ends cleanly."""
    monkeypatch.setattr(api.exports, "CHUNK_SIZE", 1)  # one row per read
    response = client.get("/api/v1/petitions/", {"format": "csv"})
    assert response.status_code == 200
    chunks = iter(response.streaming_content)
    received = [next(chunks), next(chunks)]  # the header and the first row
    lose_the_connection(connection, monkeypatch)
    with pytest.raises(DatabaseError):
        received.extend(chunks)
    assert len(received) < 1 + 5
    monkeypatch.undo()
    connection.close()


def test_the_servers_client_can_tell_an_export_cut_off_midway_from_a_whole_file(tmp_path):
    """gunicorn, given a response that fails after its first lines, drops the
    connection without the chunked body's last chunk: the client gets an error, not
    a file that looks complete."""
    port = closed_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1",
         "--chdir", str(PROJECT), "tests.ops.failing_export_app:application"],
        cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"},
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.1)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/export.csv")
        response = connection.getresponse()
        assert response.status == 200
        assert response.getheader("Transfer-Encoding") == "chunked"
        with pytest.raises(http.client.IncompleteRead) as cut:
            response.read()
        assert cut.value.partial.startswith(b'"number","status"\r\n"e-2829","responded"\r\n')
    finally:
        server.terminate()
        server.wait(timeout=20)
