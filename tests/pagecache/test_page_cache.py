"""Anonymous readers get cached pages, and never a stale one after a clerk's save."""

import pytest
from django.contrib.auth import get_user_model

from pagecache.models import current_version
from petitions.models import Keyword, WhereasClause
from tests.conftest import page_text


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_a_repeated_visit_is_served_from_the_cache(
    client, e2829, page_cache, django_assert_num_queries
):
    first = client.get("/en/petitions/e-2829/")
    with django_assert_num_queries(1):  # the record's version, nothing else
        second = client.get("/en/petitions/e-2829/")
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "no-cache" in second["Cache-Control"] and "public" in second["Cache-Control"]


def test_a_clerks_change_is_seen_on_the_next_visit(client, e2829, page_cache):
    before = client.get("/en/petitions/e-2829/")
    clause = WhereasClause.objects.get(petition=e2829, position=1)
    clause.text_en = "A corrected first clause."
    clause.save()
    after = client.get("/en/petitions/e-2829/")
    assert "A corrected first clause." in page_text(after)
    assert after["ETag"] != before["ETag"]


def test_unchanged_page_answers_304_to_its_etag(client, e2829, page_cache):
    etag = client.get("/en/petitions/e-2829/")["ETag"]
    response = client.get("/en/petitions/e-2829/", headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    e2829.keywords.add(Keyword.objects.create(slug="belarus", name_en="Belarus"))
    response = client.get("/en/petitions/e-2829/", headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "Belarus" in page_text(response)


def test_signed_in_clerks_admin_and_api_are_never_cached(client, e2829, page_cache):
    assert "ETag" not in client.get("/admin/login/")
    api = client.get("/api/v1/petitions/e-2829/")
    assert api.status_code == 200
    clerk = get_user_model().objects.create_user("clerk", password="pw")
    client.force_login(clerk)
    response = client.get("/en/petitions/e-2829/")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")


def test_every_kind_of_record_change_moves_the_version(samples):
    from petitions.models import Member, Petition

    seen = {current_version()}
    petition = Petition.objects.get(e_number=90003)
    for change in (
        lambda: petition.save(),
        lambda: petition.demands.first().delete(),
        lambda: petition.keywords.clear(),
        lambda: Member.objects.get(slug="jordan-sample").save(),
        lambda: Petition.objects.get(petition_no="441-90001").response.save(),
    ):
        change()
        version = current_version()
        assert version not in seen
        seen.add(version)


def test_not_found_pages_are_not_kept(client, db, page_cache):
    assert client.get("/en/petitions/e-9999/").status_code == 404
    assert "ETag" not in client.get("/en/petitions/e-9999/")
