"""A researcher narrows, sorts and pages through petitions, and shares the address."""

import re
from html import unescape

import pytest

from tests.conftest import page_text
from tests.petitions.listing import listed, more_petitions


@pytest.mark.parametrize(
    ("choices", "expected"),
    [
        ({"subject": "environment"}, ["e-90004", "441-90001"]),
        ({"subject": "environment", "status": "responded"}, ["441-90001"]),
        ({"kind": "electronic", "province": "QC"}, ["e-90002"]),
        ({"kind": "paper"}, ["441-90001"]),
        ({"member": "jordan-sample", "response": "late"}, ["441-90001"]),
        ({"response": "tabled"}, ["441-90001", "e-2829"]),
        ({"response": "on_time"}, ["e-2829"]),
        ({"response": "late"}, ["441-90001"]),
        ({"response": "awaiting"}, ["e-90003"]),
        ({"response": "overdue"}, ["e-90003"]),
        (
            {"presented_after": "2021-01-01", "presented_before": "2025-12-31"},
            ["e-90003", "441-90001"],
        ),
        ({"presented_after": "2020-10-26", "presented_before": "2020-10-26"}, ["e-2829"]),
        ({"keyword": "rural-health-care"}, ["e-90002", "e-90003"]),
        ({"keyword": "rural-health-care", "status": "open"}, ["e-90002"]),
        ({"parliament": "45"}, ["e-90002", "e-90003"]),
        ({"session": "441"}, ["e-90004", "441-90001"]),
        ({"session": "441", "parliament": "45"}, []),
        ({"addressee": "minister"}, ["e-90002"]),
        ({"q": "wetlands", "session": "441"}, ["e-90004"]),
        ({"q": "wetlands", "session": "432"}, []),
        ({"q": "Belarus", "subject": "foreign-affairs", "response": "on_time"}, ["e-2829"]),
    ],
)
def test_filters_combine(client, samples, choices, expected):
    response = client.get("/en/petitions/", choices)
    assert response.status_code == 200
    assert listed(response) == expected
    count = len(expected)
    assert f"{count} petition{'' if count == 1 else 's'}" in page_text(response)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("newest", ["e-90002", "e-90004", "e-90003", "441-90001", "e-2829"]),
        ("oldest", ["e-2829", "441-90001", "e-90003", "e-90004", "e-90002"]),
        # Petitions whose signatures are not published come last either way.
        ("most_signatures", ["e-90003", "e-90004", "441-90001", "e-90002", "e-2829"]),
        ("fewest_signatures", ["441-90001", "e-90004", "e-90003", "e-2829", "e-90002"]),
        # Camille Exemple, Chandra Arya, Jordan Sample (two, newest first), Morgan Placeholder.
        ("member", ["e-90002", "e-2829", "e-90004", "441-90001", "e-90003"]),
    ],
)
def test_sorting(client, samples, sort, expected):
    assert listed(client.get("/en/petitions/", {"sort": sort})) == expected


def test_without_words_best_match_is_newest_first(client, samples):
    assert listed(client.get("/en/petitions/", {"sort": "relevance"})) == listed(
        client.get("/en/petitions/")
    )


def test_form_shows_the_current_choices(client, samples):
    body = client.get(
        "/en/petitions/", {"subject": "health", "sort": "most_signatures", "per_page": "50"}
    ).content.decode()
    assert re.search(r'<option value="health" selected>', body)
    assert re.search(r'<option value="most_signatures" selected>', body)
    assert re.search(r'<option value="50" selected>', body)


def test_pages_keep_every_choice_and_count_the_results(client, samples):
    more_petitions(25)
    response = client.get(
        "/en/petitions/", {"subject": "health", "sort": "oldest", "per_page": "10"}
    )
    text = page_text(response)
    assert "27 petitions · showing 1 to 10" in text
    assert "Page 1 of 3" in text
    next_link = unescape(re.search(r'<a rel="next" href="([^"]+)"', response.content.decode())[1])
    assert next_link == "?subject=health&sort=oldest&per_page=10&page=2"

    second = client.get("/en/petitions/" + next_link)
    assert "showing 11 to 20" in page_text(second)
    assert not set(listed(second)) & set(listed(response))


def test_a_page_shows_up_to_100(client, samples):
    more_petitions(120)
    response = client.get("/en/petitions/", {"per_page": "100"})
    assert len(listed(response)) == 100
    assert "125 petitions · showing 1 to 100" in page_text(response)


def test_two_filter_sets_at_once_each_filter_with_their_own_values(samples):
    """Each filter set works on its own copies of the declared filters: a filter by
    method (session, response, words) answers for the set that holds it."""
    from petitions.filters import PetitionFilter
    from petitions.models import Petition

    sets = [
        PetitionFilter({"session": "441", "response": "late"}, queryset=Petition.objects.all()),
        PetitionFilter({"session": "432"}, queryset=Petition.objects.all()),
        PetitionFilter({"response": "awaiting"}, queryset=Petition.objects.all()),
    ]
    found = [sorted(petition.number for petition in filterset.qs) for filterset in sets]
    assert found == [["441-90001"], ["e-2829"], ["e-90003"]]
    for filterset in sets:
        assert all(filter_.parent is filterset for filter_ in filterset.filters.values())
    assert all(
        getattr(filter_, "parent", None) is None for filter_ in PetitionFilter.base_filters.values()
    )
