"""Every list, search and browse page runs a fixed number of queries.

The count pages: one COUNT, one SELECT of the page's ids, when words were
searched one of the passages of those petitions' stored texts that match, one
SELECT of the petitions whose entries are not kept (with subject, sponsor and
response joined), and the record's version, which names the filter form's lists
of choices (Parliaments, sessions, subjects, keywords, Members) as each process
last read them, the list's count and the petitions' entries kept in the cache:
the same list asked for again, at any page or page size, is not counted again,
and petitions listed before are not read again. After a change to the record,
the first page shown reads those lists again, one query each, counts again and
reads its petitions. A browse page adds its own object; a Member's page adds the
answered/late aggregate. None of this grows with the page size or the amount of
data.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.petitions.listing import listed, more_petitions

# Address, queries once the form's lists are read, and how many lists it shows.
PAGES = [
    ("/en/petitions/", 4, 5),
    ("/en/search/?q=wetland", 5, 5),
    ("/en/search/?q=wetland&sort=most_signatures", 5, 5),
    ("/en/petitions/?subject=health&keyword=rural-health-care&member=morgan-placeholder", 7, 5),
    ("/en/petitions/?response=overdue&sort=member", 4, 5),
    ("/en/members/morgan-placeholder/", 6, 4),
    ("/en/subjects/health/", 5, 4),
    ("/en/sessions/451/", 5, 4),
]


@pytest.mark.parametrize(("url", "queries", "lists"), PAGES)
def test_query_count_is_fixed_whatever_the_page_size(
    client, samples, django_assert_num_queries, url, queries, lists
):
    separator = "&" if "?" in url else "?"
    with django_assert_num_queries(queries + lists):
        client.get(f"{url}{separator}per_page=10")
    with django_assert_num_queries(queries - 2):  # counted and written already
        small = client.get(f"{url}{separator}per_page=10")
    more_petitions(120)
    with django_assert_num_queries(queries + lists):
        client.get(f"{url}{separator}per_page=100")
    with django_assert_num_queries(queries - 2):
        large = client.get(f"{url}{separator}per_page=100")
    assert small.status_code == large.status_code == 200
    assert len(listed(large)) == 100 > len(listed(small))


def test_home_page_query_count_is_fixed(client, samples, django_assert_num_queries):
    """Responses, petitions awaiting one, and recent petitions: three queries."""
    with django_assert_num_queries(3):
        client.get("/en/")
    more_petitions(30)
    with django_assert_num_queries(3):
        client.get("/en/")


def test_a_typed_number_redirects_after_one_query_for_its_address(client, samples):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/search/", {"q": "432-00158"})
    assert response["Location"] == "/en/petitions/e-2829/"
    assert len(captured) == 1
    # The petition's texts are not read just to name its address.
    assert "grievance_intro" not in captured[0]["sql"]
