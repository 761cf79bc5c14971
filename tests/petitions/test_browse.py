"""A reader browses by Member, subject and session, and sees what is overdue."""

import re

import pytest

from tests.conftest import page_text
from tests.petitions.listing import listed, more_petitions


def test_member_page_counts_answered_and_late(client, samples):
    response = client.get("/en/members/jordan-sample/")
    text = page_text(response)
    assert listed(response) == ["e-90004", "441-90001"]
    assert "Sponsored 2 Answered by the government 1 Answered late 1 Response overdue 0" in text


def test_member_page_counts_overdue(client, samples):
    text = page_text(client.get("/en/members/morgan-placeholder/"))
    assert "Sponsored 1 Answered by the government 0 Answered late 0 Response overdue 1" in text


def test_member_page_filters_and_sorts_their_petitions_only(client, samples):
    response = client.get("/en/members/jordan-sample/", {"sort": "oldest", "status": "responded"})
    assert listed(response) == ["441-90001"]
    # The Member is the page itself, so the form offers no Member to choose.
    assert 'name="member"' not in response.content.decode()


def test_subject_and_session_pages(client, samples):
    assert listed(client.get("/en/subjects/health/")) == ["e-90002", "e-90003"]
    assert listed(client.get("/en/sessions/441/", {"sort": "oldest"})) == ["441-90001", "e-90004"]
    assert listed(client.get("/en/sessions/432/")) == ["e-2829"]


def test_home_lists_petitions_awaiting_a_response_with_their_due_dates(client, samples):
    text = page_text(client.get("/en/"))
    assert "Awaiting a government response" in text
    assert "e-90003 (Health) — due November 6, 2025 Response overdue" in text
    assert "e-2829 (Foreign affairs) — tabled December 9, 2020" in text


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/petitions/",
        "/en/search/?q=specialist",
        "/en/members/morgan-placeholder/",
        "/en/subjects/health/",
        "/en/sessions/451/",
        "/en/petitions/e-90003/",
    ],
)
def test_overdue_is_marked_wherever_the_petition_appears(client, samples, url):
    body = client.get(url).content.decode()
    # e-90003 was presented September 22, 2025 and has no response.
    assert re.search(r"e-90003.*?Response overdue", body, re.S)


def test_a_petition_within_45_days_is_not_overdue(client, samples):
    from django.utils import timezone

    from petitions.models import Petition

    Petition.objects.filter(e_number=90003).update(presented_on=timezone.localdate())
    text = page_text(client.get("/en/petitions/"))
    assert "Response overdue" not in text


def test_browse_pages_page_through_many_petitions(client, samples):
    more_petitions(30)
    response = client.get("/en/subjects/health/", {"per_page": "10", "page": "4"})
    assert "32 petitions · showing 31 to 32" in page_text(response)
