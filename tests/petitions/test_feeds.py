"""A journalist follows new petitions and government responses in a feed reader."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command

ATOM = "{http://www.w3.org/2005/Atom}"


def atom(client, url):
    """The feed, checked against what RFC 4287 requires of a feed and of each entry."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for element in (feed, *feed.findall(f"{ATOM}entry")):
        for required in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{required}")) == 1, required
        datetime.datetime.fromisoformat(element.find(f"{ATOM}updated").text)
        assert element.find(f"{ATOM}link[@rel='alternate']") is not None
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Petition record"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"http://testserver{url}"
    ids = [entry.find(f"{ATOM}id").text for entry in feed.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids))
    return feed


def entries(feed):
    return [
        (e.find(f"{ATOM}title").text, e.find(f"{ATOM}link").get("href"))
        for e in feed.findall(f"{ATOM}entry")
    ]


def test_new_petitions_feed_lists_every_petition_newest_first(client, samples):
    feed = atom(client, "/feeds/petitions/")
    assert feed.find(f"{ATOM}title").text == "New petitions"
    assert [link for _, link in entries(feed)] == [
        f"http://testserver/en/petitions/{n}/"
        for n in ["e-90002", "e-90004", "e-90003", "441-90001", "e-2829"]
    ]
    first = feed.find(f"{ATOM}entry")
    assert first.find(f"{ATOM}title").text == "e-90002: Health (Open for signature)"
    assert first.find(f"{ATOM}published").text == "2026-11-02T15:00:00+00:00"
    assert first.find(f"{ATOM}category").get("term") == "Health"


def test_responses_feed_lists_responses_as_tabled(client, samples):
    feed = atom(client, "/feeds/responses/")
    assert entries(feed) == [
        (
            "Response to 441-90001: Environment",
            "http://testserver/en/petitions/441-90001/#response",
        ),
        ("Response to e-2829: Foreign affairs", "http://testserver/en/petitions/e-2829/#response"),
    ]
    e2829 = feed.findall(f"{ATOM}entry")[1]
    assert e2829.find(f"{ATOM}published").text == "2020-12-09T00:00:00-05:00"
    assert e2829.find(f"{ATOM}summary").text.startswith(
        "The Government of Canada is a longstanding advocate"
    )


def test_a_members_feeds_hold_only_their_petitions(client, samples):
    petitions = atom(client, "/feeds/members/jordan-sample/petitions/")
    assert petitions.find(f"{ATOM}title").text == "Petitions sponsored by Jordan Sample"
    assert [title.split(":")[0] for title, _ in entries(petitions)] == ["e-90004", "441-90001"]
    responses = atom(client, "/feeds/members/jordan-sample/responses/")
    assert [title for title, _ in entries(responses)] == ["Response to 441-90001: Environment"]
    assert entries(atom(client, "/feeds/members/camille-exemple/responses/")) == []


def test_a_subjects_feeds_hold_only_its_petitions(client, samples):
    petitions = atom(client, "/feeds/subjects/health/petitions/")
    assert [title.split(":")[0] for title, _ in entries(petitions)] == ["e-90002", "e-90003"]
    responses = atom(client, "/feeds/subjects/foreign-affairs/responses/")
    assert [title for title, _ in entries(responses)] == ["Response to e-2829: Foreign affairs"]


@pytest.mark.parametrize(
    "url", ["/feeds/members/nobody/petitions/", "/feeds/subjects/nothing/responses/"]
)
def test_feeds_of_unknown_members_or_subjects_are_404(client, samples, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        ("/en/", ["/feeds/petitions/", "/feeds/responses/"]),
        (
            "/en/members/jordan-sample/",
            ["/feeds/members/jordan-sample/petitions/", "/feeds/members/jordan-sample/responses/"],
        ),
        (
            "/en/subjects/health/",
            ["/feeds/subjects/health/petitions/", "/feeds/subjects/health/responses/"],
        ),
    ],
)
def test_pages_announce_their_feeds(client, samples, page, feeds):
    body = client.get(page).content.decode()
    for url in feeds:
        assert f'<link rel="alternate" type="application/atom+xml" href="{url}"' in body
        atom(client, url)


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/feeds/petitions/", 3),
        ("/feeds/responses/", 1),
        ("/feeds/members/jordan-sample/petitions/", 4),
        ("/feeds/subjects/health/responses/", 2),
    ],
)
def test_feed_query_count_is_fixed(client, samples, django_assert_num_queries, url, queries):
    """The Member or subject, then its entries with what they show (petitions: and their
    clauses and demands): no query per entry."""
    with django_assert_num_queries(queries):
        client.get(url)


@pytest.mark.django_db
def test_a_feed_entry_says_what_the_petition_says_and_how_its_response_was_tabled(client):
    call_command("load_sample_records", verbosity=0)
    petitions = client.get("/feeds/petitions/").content.decode()
    # e-706's entry: its grievances, then its single request.
    assert "70-100 million sharks are being killed" in petitions
    responses = client.get("/feeds/responses/").content.decode()
    assert "Tabled as Sessional Paper No. 8545-421-179-01." in responses


CONTROL_CHARACTER_FEEDS = [
    "/feeds/petitions/",
    "/feeds/responses/",
    "/feeds/members/chandra-arya/petitions/",
    "/feeds/members/chandra-arya/responses/",
    "/feeds/subjects/foreign-affairs/petitions/",
    "/feeds/subjects/foreign-affairs/responses/",
]


@pytest.mark.parametrize("url", CONTROL_CHARACTER_FEEDS)
def test_a_control_character_in_stored_text_does_not_break_a_feed(client, e2829, url):
    """A vertical tab pasted into a subject's name, a U+0001 in an imported heading:
    XML 1.0 cannot carry them, so the feed shows U+FFFD where each was."""
    from petitions.models import Member, Petition, Subject

    # As stored before any validation ran (update() bypasses the model's checks).
    Subject.objects.filter(slug="foreign-affairs").update(name_en="Foreign\x0baffairs")
    Member.objects.filter(slug="chandra-arya").update(name="Chandra\x01Arya")
    Petition.objects.filter(pk=e2829.pk).update(lead_in_en="We, the\x1f undersigned\x02")
    feed = atom(client, url)
    text = ET.tostring(feed, encoding="unicode")
    assert "Foreign\ufffdaffairs" in text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text)


def test_every_character_xml_cannot_carry_is_replaced():
    from api.feeds import xml_text

    assert (
        xml_text("a\x00b\x08c\x0bd\x0ce\x1ff\ud800g\ufffeh\uffff")
        == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffdh\ufffd"
    )
    assert xml_text("tab\tnewline\ncarriage\r é “ ” 😀") == "tab\tnewline\ncarriage\r é “ ” 😀"
