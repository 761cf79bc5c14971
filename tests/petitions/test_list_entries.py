"""A list's entries are written once per record version, language and day, and
shared by every list that shows the petition; a search's passages never are."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pagecache.models import current_version
from petitions.models import Petition
from public import entries
from tests.conftest import page_text


def petitions_read(client, url):
    """The page's text, and whether it read any petition's listed columns."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return page_text(response), any('"asks_en"' in query["sql"] for query in captured)


def test_a_petition_listed_by_one_list_is_not_read_again_by_another(client, samples):
    text, read = petitions_read(client, "/en/petitions/")
    assert read and "e-2829" in text
    again, read = petitions_read(client, "/en/petitions/?sort=most_signatures")
    assert not read
    # The same entries, in the second list's order.
    assert again != text and "e-2829" in again
    assert "Government response tabled" in again and "Chandra Arya" in again


def test_a_change_to_the_record_is_listed_at_once(client, samples):
    client.get("/en/petitions/")
    petition = Petition.objects.get(e_number=2829)
    petition.signatures = 123_456
    petition.save()
    text, read = petitions_read(client, "/en/petitions/")
    assert read and "123456 signatures" in text


def test_each_language_has_its_own_entries(client, samples):
    english, _ = petitions_read(client, "/en/petitions/")
    french, read = petitions_read(client, "/fr/petitions/")
    assert read
    assert "Response tabled" in english and "Response tabled" not in french
    assert "Réponse déposée" in french


def test_a_response_falls_overdue_on_its_day(client, samples, monkeypatch):
    petition = Petition.objects.get(e_number=90003)
    due = petition.response_due_on
    monkeypatch.setattr(timezone, "localdate", lambda *args: due)
    text, _ = petitions_read(client, "/en/petitions/?status=presented")
    assert "e-90003" in text and "Response overdue" not in text
    monkeypatch.setattr(timezone, "localdate", lambda *args: due + datetime.timedelta(days=1))
    text, _ = petitions_read(client, "/en/petitions/?status=presented")
    assert "Response overdue" in text


def test_a_searchs_passages_are_its_own(client, samples):
    first, _ = petitions_read(client, "/en/search/?q=wetland")
    second, read = petitions_read(client, "/en/search/?q=wetlands%20drainage")
    assert not read
    assert first != second


def test_a_petition_deleted_after_its_id_was_read_is_left_out(samples):
    kept = Petition.objects.get(e_number=2829)
    rows = [(kept.pk, None), (10**9, None)]
    listed = entries.kept(rows, current_version())
    assert [entry.number for entry in listed] == ["e-2829"]
