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


def test_the_version_names_the_change_and_its_time(samples):
    from pagecache.models import RecordVersion, changed_at

    row = RecordVersion.objects.get()
    version = current_version()
    assert version.startswith(f"{row.number}.")
    # The time the record changed, to the microsecond, on either database.
    assert changed_at(version) == pytest.approx(row.changed_at.timestamp(), abs=1e-6)


def test_not_found_pages_are_not_kept(client, db, page_cache):
    assert client.get("/en/petitions/e-9999/").status_code == 404
    assert "ETag" not in client.get("/en/petitions/e-9999/")


# --- Poisoning: a forged Host or scheme gets its own copy, never everyone's.


def cached_entries():
    """How many pages the cache holds, and their bytes (as pickled, as held)."""
    from django.core.cache import caches

    held = caches["pages"]._cache
    return len(held), sum(len(value) for value in held.values())


@pytest.mark.parametrize("url", ["/feeds/petitions/", "/robots.txt", "/sitemap-petitions-en.xml"])
def test_a_forged_host_does_not_change_the_links_other_readers_get(
    client, samples, page_cache, url
):
    forged = client.get(url, headers={"host": "127.0.0.1:6666"})
    assert "http://127.0.0.1:6666/" in forged.content.decode()
    honest = client.get(url)
    assert "127.0.0.1:6666" not in honest.content.decode()
    assert "http://testserver/" in honest.content.decode()


def test_a_forged_forwarded_proto_is_ignored_without_a_proxy(client, samples, page_cache):
    forged = client.get("/feeds/petitions/", headers={"x-forwarded-proto": "https"})
    assert "https://" not in forged.content.decode()
    assert "https://" not in client.get("/feeds/petitions/").content.decode()


def test_behind_a_proxy_https_and_http_pages_are_kept_apart(client, samples, page_cache, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    secure = client.get("/feeds/petitions/", headers={"x-forwarded-proto": "https"})
    assert "https://testserver" in secure.content.decode()
    plain = client.get("/feeds/petitions/")
    assert "https://" not in plain.content.decode()


# --- Memory: junk parameters make no new copy, and the copies are bounded in bytes.


def test_parameters_a_page_does_not_read_make_no_new_copy_and_no_new_rendering(
    client, e2829, page_cache, django_assert_num_queries
):
    page = client.get("/en/petitions/e-2829/")
    for n in range(40):
        with django_assert_num_queries(1):  # the record's version: served from the cache
            junk = client.get(f"/en/petitions/e-2829/?j={n}&utm_source=x")
        assert junk.content == page.content
    assert cached_entries()[0] == 1


def test_a_list_keeps_the_parameters_it_reads_and_drops_the_others(client, samples, page_cache):
    response = client.get("/en/petitions/?status=responded&per_page=10&j=1")
    body = response.content.decode()
    assert "j=1" not in body
    assert 'href="/fr/petitions/?status=responded&amp;per_page=10"' in body
    assert [p.number for p in response.context["petitions"]] == ["441-90001", "e-2829"]
    again = client.get("/en/petitions/?status=responded&per_page=10&j=2")
    assert again["Cache-Status"] == "petition-record; hit"


def test_the_page_cache_holds_at_most_its_bytes_whatever_is_asked(client, samples, settings):
    settings.PAGE_CACHE_SECONDS = 600
    limit = 256 * 1024
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "pagecache.store.BoundedMemoryCache",
            "LOCATION": "bounded-test",
            "OPTIONS": {"MAX_BYTES": limit},
        },
    }
    for n in range(40):
        assert client.get(f"/en/search/?q=word{n}").status_code == 200
    count, size = cached_entries()
    assert 0 < size <= limit
    assert count < 40
    # The most recent pages are the ones kept.
    assert client.get("/en/search/?q=word39")["Cache-Status"] == "petition-record; hit"


def test_a_page_too_large_for_the_cache_is_served_but_not_kept(client, e2829, page_cache, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "pagecache.store.BoundedMemoryCache",
            "LOCATION": "small-test",
            "OPTIONS": {"MAX_BYTES": 64 * 1024, "MAX_ITEM_BYTES": 4 * 1024},
        },
    }
    response = client.get("/en/petitions/e-2829/")
    assert response.status_code == 200 and len(response.content) > 4 * 1024
    assert cached_entries() == (0, 0)
