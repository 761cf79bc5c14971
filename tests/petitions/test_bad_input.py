"""Whatever is typed or pasted into an address, the visitor gets a page that explains."""

import pytest

from petitions.models import Petition
from tests.conftest import page_text
from tests.petitions.listing import listed, more_petitions

LIST_PAGES = [
    "/en/petitions/",
    "/en/search/",
    "/en/members/jordan-sample/",
    "/en/subjects/health/",
    "/en/sessions/441/",
]

ODD_QUERIES = [
    "page=abc",
    "page=99999",
    "page=-1",
    "page=0",
    "page=1.5",
    "page=" + "9" * 400,
    "per_page=1000000",
    "per_page=abc",
    "q=" + "x" * 10_000,
    "q=Belarus%00",
    "q=%00%00",
    "q=%F0%9F%98%80%E2%80%AE%EF%BF%BF",  # emoji, right-to-left override, a non-character
    "q=%FF%FE",  # not UTF-8 at all
    "q=%27%3B%20DROP%20TABLE%20petitions_petition%3B%20--",
    "q=%22%22%22&q=-&q=or%20or",
    "q=!%26%7C():*%5C",
    "q=%22unclosed%20phrase",
    "q=-",
    "subject=no-such-subject",
    "subject=health&subject=environment",
    "status=dancing",
    "session=999",
    "session=4",
    "parliament=abc",
    "member=%00",
    "presented_after=2020-13-45",
    "presented_before=yesterday",
    "sort=random()",
    "response=maybe",
    "kind[]=paper",
]


@pytest.mark.parametrize("url", LIST_PAGES)
@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_query_strings_never_give_a_server_error(client, samples, url, query):
    response = client.get(f"{url}?{query}")
    assert response.status_code in (200, 400)
    assert "Traceback" not in response.content.decode(errors="replace")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("subject=no-such-subject", "subject: Select a valid choice."),
        ("status=dancing", "status: Select a valid choice. dancing is not one of"),
        ("session=999", "session: Select a valid choice."),
        ("presented_after=2020-13-45", "presented_after: Enter a valid date."),
        ("sort=random()", "sort: Select a valid choice."),
        ("q=" + "x" * 10_000, "q: Ensure this value has at most 200 characters"),
        ("q=Belarus%00", "q: Null characters are not allowed."),
    ],
)
def test_choices_that_name_nothing_are_a_400_that_says_which(client, samples, query, message):
    response = client.get(f"/en/petitions/?{query}")
    assert response.status_code == 400
    text = page_text(response)
    assert "could not be understood" in text
    assert message in text
    # Results that ignored a choice would mislead, so none are listed.
    assert "petitions" not in response.context


def test_a_page_past_the_end_shows_the_last_page_and_says_so(client, samples):
    more_petitions(25)
    response = client.get("/en/petitions/", {"page": "99999", "per_page": "10"})
    assert response.status_code == 200
    assert "There is no page 99999; showing page 3, the last." in page_text(response)
    assert len(listed(response)) == 10


def test_a_page_that_is_not_a_number_shows_the_first(client, samples):
    response = client.get("/en/petitions/", {"page": "abc"})
    assert response.status_code == 200
    assert "“page” is a page number; showing the first page." in page_text(response)
    assert listed(response)[0] == "e-90002"


def test_an_unknown_page_size_says_which_are_offered(client, samples):
    response = client.get("/en/petitions/", {"per_page": "1000000"})
    assert response.status_code == 200
    assert "A page shows 10, 20, 50 or 100 petitions; showing 20." in page_text(response)


def test_sql_looking_words_are_only_words(client, samples):
    response = client.get("/en/search/", {"q": "'; DROP TABLE petitions_petition; --"})
    assert response.status_code == 200
    assert Petition.objects.count() == 5


def test_repeated_parameters_use_the_last(client, samples):
    response = client.get("/en/petitions/?subject=health&subject=environment")
    assert listed(response) == ["e-90004", "441-90001"]


# Digits that are not ASCII: str.isdigit() says yes to all of them, int() refuses "²".
UNICODE_DIGITS = ["²", "٣", "１０", "²⁰", "߁"]


@pytest.mark.parametrize("url", LIST_PAGES)
@pytest.mark.parametrize("digits", UNICODE_DIGITS)
@pytest.mark.parametrize("name", ["per_page", "page"])
def test_unicode_digits_in_a_page_or_page_size_are_explained_not_a_server_error(
    client, samples, url, digits, name
):
    response = client.get(url, {name: digits})
    assert response.status_code == 200
    if name == "per_page":
        assert "A page shows 10, 20, 50 or 100 petitions; showing 20." in page_text(response)


@pytest.mark.parametrize("digits", UNICODE_DIGITS)
@pytest.mark.parametrize("name", ["page", "page_size"])
def test_unicode_digits_in_the_apis_paging_are_a_400(client, samples, digits, name):
    response = client.get("/api/v1/petitions/", {name: digits})
    assert response.status_code == 400
    assert list(response.json()) == [name]
