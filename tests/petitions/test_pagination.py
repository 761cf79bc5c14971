"""Long lists: counted up to a bound, and deep pages that follow on exactly."""

from django.db import connection

from petitions import pagination
from tests.conftest import page_text
from tests.petitions.listing import listed, more_petitions


def test_pages_follow_on_without_gaps_or_repeats(client, samples):
    more_petitions(25)
    pages = [listed(client.get("/en/petitions/", {"per_page": 10, "page": n})) for n in (1, 2, 3)]
    everything = listed(client.get("/en/petitions/", {"per_page": 50}))
    assert pages[0] + pages[1] + pages[2] == everything
    assert len(everything) == 30


def test_searched_pages_follow_on_in_their_order(client, samples):
    more_petitions(25)
    query = {"q": "wetland", "per_page": 10}
    sorts = ["most_signatures", "oldest"]
    if connection.vendor == "postgresql":
        sorts.append("")  # best match
    for sort in sorts:
        pages = [
            listed(client.get("/en/search/", {**query, "sort": sort, "page": n})) for n in (1, 2)
        ]
        everything = listed(client.get("/en/search/", {**query, "sort": sort, "per_page": 20}))
        assert pages[0] + pages[1] == everything
        assert len(everything) == 20


def test_a_list_longer_than_the_count_limit_says_there_are_more(client, samples, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_LIMIT", 12)
    more_petitions(25)
    first = client.get("/en/petitions/", {"per_page": 10})
    assert "More than 12 petitions" in page_text(first)
    assert "Page 1" in page_text(first) and "Page 1 of" not in page_text(first)
    last = client.get("/en/petitions/", {"per_page": 10, "page": 2})
    assert len(listed(last)) == 2
    assert "Only the first 12 petitions are listed." in page_text(last)
    beyond = client.get("/en/petitions/", {"per_page": 10, "page": 3})
    assert listed(beyond) == listed(last)


def test_a_list_within_the_limit_gives_its_exact_count(client, samples, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_LIMIT", 5)
    response = client.get("/en/petitions/")
    assert "5 petitions" in page_text(response)
    assert "More than" not in page_text(response)
    assert "Only the first" not in page_text(response)
