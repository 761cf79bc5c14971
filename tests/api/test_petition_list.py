"""A developer pages through petitions, filtered and sorted, as the public search offers them."""

import pytest
from django.db import connection

from petitions.models import Petition, WhereasClause

ALL_NEWEST_FIRST = ["e-90002", "e-90004", "e-90003", "441-90001", "e-2829"]


def numbers(response):
    return [p["number"] for p in response.json()["results"]]


def test_list_is_newest_first_with_a_total_and_page_links(client, samples):
    first = client.get("/api/v1/petitions/", {"page_size": 2}).json()
    assert first["count"] == 5
    assert [p["number"] for p in first["results"]] == ALL_NEWEST_FIRST[:2]
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/petitions/?page=2&page_size=2"
    last = client.get(first["next"].replace("page=2", "page=3")).json()
    assert [p["number"] for p in last["results"]] == ALL_NEWEST_FIRST[4:]
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/v1/petitions/?page=2&page_size=2"


def test_list_entries_say_what_a_reader_needs_to_choose(client, samples):
    [paper] = client.get("/api/v1/petitions/", {"q": "packaging"}).json()["results"]
    assert paper["number"] == paper["petition_no"] == "441-90001"
    assert paper["e_number"] is None
    assert paper["kind_label"] == "Paper petition"
    assert paper["subject"]["name"] == {"en": "Environment", "fr": "Environnement"}
    assert paper["sponsor"]["slug"] == "jordan-sample"
    assert paper["response_tabled_on"] == "2022-04-10"
    assert paper["response_late"] is True
    assert paper["url"] == "http://testserver/en/petitions/441-90001/"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "responded"}, ["441-90001", "e-2829"]),
        ({"subject": "health"}, ["e-90002", "e-90003"]),
        ({"subject": "environment", "status": "responded"}, ["441-90001"]),
        ({"sort": "most_signatures"}, ["e-90003", "e-90004", "441-90001", "e-90002", "e-2829"]),
        (
            {"sort": "fewest_signatures"},
            ["441-90001", "e-90004", "e-90003", "e-2829", "e-90002"],
        ),
        ({"sort": "oldest"}, ["e-2829", "441-90001", "e-90003", "e-90004", "e-90002"]),
    ],
)
def test_filters_and_orderings(client, samples, query, expected):
    response = client.get("/api/v1/petitions/", query)
    assert response.status_code == 200
    assert numbers(response) == expected
    assert response.json()["count"] == len(expected)


@pytest.mark.parametrize(
    "words", ["Lukashenko Magnitsky", "packaging", "clinic", "nothing-matches"]
)
def test_words_find_the_same_petitions_as_the_html_search(client, samples, words):
    html = client.get("/en/search/", {"q": words})
    api = client.get("/api/v1/petitions/", {"q": words})
    assert numbers(api) == [p.number for p in html.context["petitions"]]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"status": "bogus"}, "status"),
        ({"subject": "no-such-subject"}, "subject"),
        ({"subject": "a\x00b"}, "subject"),
        ({"sort": "random"}, "sort"),
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": "9" * 5000}, "page"),
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "-1"}, "page_size"),
    ],
)
def test_bad_values_get_a_json_400_naming_the_parameter(client, samples, query, parameter):
    response = client.get("/api/v1/petitions/", query)
    assert response.status_code == 400
    assert list(response.json()) == [parameter]
    assert response.json()[parameter][0]


def test_a_page_past_the_last_is_a_json_404(client, samples):
    response = client.get("/api/v1/petitions/", {"page": "9"})
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no page 9."}


@pytest.mark.parametrize("q", ["'; DROP TABLE petitions_petition; --", "é" * 200, "😀 ﷽"])
def test_odd_words_never_break_the_list(client, samples, q):
    response = client.get("/api/v1/petitions/", {"q": q})
    assert response.status_code == 200
    assert response.json()["count"] == 0
    assert Petition.objects.count() == 5


def test_words_past_200_characters_are_a_400_naming_q(client, samples):
    response = client.get("/api/v1/petitions/", {"q": "é" * 5000})
    assert response.status_code == 400
    assert list(response.json()) == ["q"]


def test_nul_bytes_in_words_are_a_400_naming_q(client, samples):
    response = client.get("/api/v1/petitions/", {"q": "a\x00b"})
    assert response.status_code == 400
    assert list(response.json()) == ["q"]


@pytest.mark.parametrize("page_size", [2, 5])
def test_list_counts_once_and_reads_one_page_whatever_its_size(
    client, samples, django_assert_num_queries, page_size
):
    """The record's version, the total and the page with its subject, session, sponsor
    and response: three queries; the total is kept for the version, so a client
    paging through the list has it counted once."""
    with django_assert_num_queries(3):
        response = client.get("/api/v1/petitions/", {"page_size": page_size})
    assert len(response.json()["results"]) == page_size
    with django_assert_num_queries(2):
        again = client.get("/api/v1/petitions/", {"page_size": 1, "page": 2})
    assert again.json()["count"] == response.json()["count"]
    assert again.json()["results"][0] == response.json()["results"][1]


def test_a_kept_total_is_counted_again_after_a_change(client, samples):
    before = client.get("/api/v1/petitions/").json()["count"]
    Petition.objects.get(e_number=2829).delete()
    assert client.get("/api/v1/petitions/").json()["count"] == before - 1


def test_get_answers_any_origin_with_an_etag_and_revalidates(client, samples):
    response = client.get("/api/v1/petitions/")
    assert response["Access-Control-Allow-Origin"] == "*"
    etag = response["ETag"]
    assert etag
    again = client.get("/api/v1/petitions/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    changed = client.get("/api/v1/petitions/", {"status": "open"}, headers={"If-None-Match": etag})
    assert changed.status_code == 200


def test_a_scraper_is_throttled_with_a_clear_429(client, samples, settings):
    settings.API_ANONYMOUS_RATE = "3/minute"
    for _ in range(3):
        assert client.get("/api/v1/petitions/").status_code == 200
    response = client.get("/api/v1/petitions/e-2829/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "throttled" in response.json()["detail"]
    assert response["Access-Control-Allow-Origin"] == "*"
    other_client = client.get("/api/v1/petitions/", REMOTE_ADDR="192.0.2.7")
    assert other_client.status_code == 200


def test_a_forged_forwarded_for_header_does_not_escape_the_throttle(client, samples, settings):
    settings.API_ANONYMOUS_RATE = "1/minute"
    assert client.get("/api/v1/petitions/").status_code == 200
    forged = client.get("/api/v1/petitions/", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert forged.status_code == 429


def test_the_list_counts_only_up_to_its_bound_and_says_when_more_match(
    client, samples, monkeypatch, django_assert_max_num_queries
):
    """At a million petitions a full COUNT would cost more than the page: the API counts
    up to the list pages' bound, as they do."""
    monkeypatch.setattr("petitions.pagination.COUNT_LIMIT", 3)
    page = client.get("/api/v1/petitions/", {"page_size": 2}).json()
    assert (page["count"], page["more"]) == (3, True)
    assert len(page["results"]) == 2 and page["next"]
    assert client.get("/api/v1/petitions/", {"page_size": 2, "page": 3}).status_code == 404
    monkeypatch.setattr("petitions.pagination.COUNT_LIMIT", 100)
    page = client.get("/api/v1/petitions/").json()
    assert (page["count"], page["more"]) == (5, False)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking is PostgreSQL's")
def test_a_search_with_too_many_matches_to_rank_is_newest_first(client, samples, monkeypatch):
    """As on the search page: ranking scores every match, so only when few match."""
    oldest = Petition.objects.get(e_number=2829)
    WhereasClause.objects.create(petition=oldest, position=9, text_en="Wetland, wetland, wetland.")
    newest = numbers(client.get("/api/v1/petitions/", {"q": "wetland", "sort": "newest"}))
    assert len(newest) > 1 and newest[-1] == "e-2829"
    assert numbers(client.get("/api/v1/petitions/", {"q": "wetland"}))[0] == "e-2829"
    monkeypatch.setattr("petitions.pagination.RANK_LIMIT", 1)
    # Counted no further than the limit: the first, newest first.
    assert numbers(client.get("/api/v1/petitions/", {"q": "wetland"})) == newest[:1]


def test_a_search_counts_its_matches_once_and_up_to_the_search_bound(
    client, samples, monkeypatch, django_assert_num_queries
):
    """As on the search page: a search's matches are counted up to RANK_LIMIT, in any
    order, and only once when ranking has counted them."""
    monkeypatch.setattr("petitions.pagination.RANK_LIMIT", 2)
    for order in ({}, {"sort": "newest"}):
        page = client.get("/api/v1/petitions/", {"q": "canada", "page_size": 1, **order})
        assert (page.json()["count"], page.json()["more"]) == (2, True), order
        assert (
            client.get(
                "/api/v1/petitions/", {"q": "canada", "page_size": 1, "page": 3, **order}
            ).status_code
            == 404
        )
    monkeypatch.setattr("petitions.pagination.RANK_LIMIT", 100)
    listed = client.get("/api/v1/petitions/", {"q": "canada"}).json()
    assert listed["count"] == len(listed["results"]) > 1 and listed["more"] is False
    # The count, the page's rows: the count made for ranking is not made again.
    with django_assert_num_queries(2):
        client.get("/api/v1/petitions/", {"q": "canada"})
