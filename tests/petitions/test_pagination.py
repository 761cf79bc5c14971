"""Long lists: counted up to a bound, and deep pages that follow on exactly."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from petitions import pagination
from petitions.models import Petition
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


def count_queries(client, path, data=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, data)
    counts = [q["sql"] for q in captured if q["sql"].startswith("SELECT COUNT(")]
    return response, len(counts)


def test_a_lists_count_is_made_once_until_the_record_changes(client, samples):
    more_petitions(3)
    total = Petition.objects.listed().count()
    first, counted = count_queries(client, "/en/petitions/", {"per_page": 10})
    assert f"{total} petitions" in page_text(first) and counted == 1
    # The next page, and the next reader, show the count kept for this version.
    second, counted = count_queries(client, "/en/petitions/", {"per_page": 10, "page": 2})
    assert f"{total} petitions" in page_text(second) and counted == 0
    Petition.objects.get(e_number=80_000).delete()  # the record's version changes
    after, counted = count_queries(client, "/en/petitions/", {"per_page": 10})
    assert f"{total - 1} petitions" in page_text(after) and counted == 1


def test_kept_counts_are_those_of_their_own_lists(client, samples):
    more_petitions(4)
    statuses = ["presented", "responded"]
    pages = [
        ("/en/petitions/", {}),
        *(("/en/petitions/", {"status": status}) for status in statuses),
        ("/en/search/", {"q": "wetland"}),
        ("/en/search/", {"q": "wetlands"}),
        ("/fr/search/", {"q": "wetland"}),
        ("/en/search/", {"q": "wetland", "status": "presented"}),
    ]
    first = [page_text(client.get(path, data)) for path, data in pages]
    kept = [count_queries(client, path, data) for path, data in pages]
    assert [counted for _, counted in kept] == [0] * len(pages)
    assert [page_text(response) for response, _ in kept] == first
    # Lists whose counts' SQL differs only in its values each show their own.
    expected = [Petition.objects.listed().filter(status=status).count() for status in statuses]
    assert expected[0] != expected[1]
    for text, count in zip(first[1:3], expected, strict=True):
        assert f"{count} petition" in text
