"""Every list, search and browse page runs a fixed number of queries.

The count pages: one COUNT, one SELECT of the page (with subject, session,
sponsor and response joined; on PostgreSQL, with the ranked snippets), and one
query for each list of choices the filter form offers (Parliaments, sessions,
subjects, keywords, Members). A browse page adds its own object; a Member's
page adds the answered/late aggregate. None of this grows with the page size
or the amount of data.
"""

import pytest

from tests.petitions.listing import listed, more_petitions

PAGES = [
    ("/en/petitions/", 7),
    ("/en/search/?q=wetland", 7),
    ("/en/search/?q=wetland&sort=most_signatures", 7),
    ("/en/petitions/?subject=health&keyword=rural-health-care&member=morgan-placeholder", 10),
    ("/en/petitions/?response=overdue&sort=member", 7),
    ("/en/members/morgan-placeholder/", 8),
    ("/en/subjects/health/", 7),
    ("/en/sessions/451/", 7),
]


@pytest.mark.parametrize(("url", "queries"), PAGES)
def test_query_count_is_fixed_whatever_the_page_size(
    client, samples, django_assert_num_queries, url, queries
):
    separator = "&" if "?" in url else "?"
    with django_assert_num_queries(queries):
        small = client.get(f"{url}{separator}per_page=10")
    more_petitions(120)
    with django_assert_num_queries(queries):
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
