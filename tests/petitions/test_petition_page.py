"""A visitor reads a petition page as the House of Commons publishes it."""

import re

import pytest

from petitions.models import Demand, Petition, WhereasClause
from tests.conftest import SEED_PAGE, page_text

# Lines of the seed page that are site furniture, not the record; the photo's
# alt text appears only when the Member's photo is on file.
FURNITURE = {"Skip to main content", "Start of content", "Photo - Chandra Arya"}


def seed_sentences():
    """Each line of the published page, without its bullet or list number."""
    for line in SEED_PAGE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line in FURNITURE:
            continue
        line = re.sub(r"^(•\s*|\d+\.\s+)", "", line)
        yield " ".join(line.split())


def test_e2829_page_has_every_sentence_of_the_seed_in_order(client, e2829):
    response = client.get("/en/petitions/e-2829/")
    assert response.status_code == 200
    text = page_text(response)
    position = 0
    for sentence in seed_sentences():
        found = text.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence!r}"
        position = found + len(sentence)


def test_e2829_page_names_the_sponsor_riding_caucus_and_petition_no(client, e2829):
    text = page_text(client.get("/en/petitions/e-2829/"))
    assert "Chandra Arya (Nepean)" in text
    assert "October 26, 2020 (Petition No. 432-00158)" in text
    assert "Liberal Caucus" in text
    assert "September 15, 2020, at 9:30 a.m. (EDT)" in text
    assert "December 9, 2020" in text
    assert "43rd Parliament, 2nd Session" in text


@pytest.mark.parametrize(
    "address", ["/en/petitions/E-2829/", "/en/petitions/e2829/", "/en/petitions/432-00158/"]
)
def test_other_forms_of_the_number_redirect_to_the_e_number_page(client, e2829, address):
    response = client.get(address)
    assert response.status_code == 301
    assert response["Location"] == "/en/petitions/e-2829/"


@pytest.mark.parametrize(
    "address",
    ["/en/petitions/e-9999/", "/en/petitions/xyz/", "/en/petitions/432-0015/", "/en/petitions/0/"],
)
def test_unknown_or_malformed_numbers_get_a_404_page(client, e2829, address):
    response = client.get(address)
    assert response.status_code == 404
    assert "There is no page at this address" in page_text(response)


def test_paper_petition_reads_in_the_older_form(client, samples):
    response = client.get("/en/petitions/441-90001/")
    text = page_text(response)
    assert "Paper petition" in text
    assert "Initiated by" not in text
    assert "Petition to the House of Commons" in text
    assert "Whereas:" not in text
    assert "THAT single-use plastic packaging" in text
    assert "THEREFORE your petitioners call upon the House of Commons" in text
    assert "Late: tabled 68 days after presentation" in text


def test_single_request_to_a_minister_not_yet_presented(client, samples):
    text = page_text(client.get("/en/petitions/e-90002/"))
    assert "Petition to the Minister of Health" in text
    assert "Whereas:" not in text
    assert "Open for signature" in text
    assert "Closes for signature" in text
    assert "Presented to the House of Commons" not in text
    assert "Original language of petition: French" in text


def test_bulleted_requests_keep_their_sub_items(client, samples):
    response = client.get("/en/petitions/e-90003/")
    body = response.content.decode()
    assert '<ul class="demands">' in body
    assert "(a) paediatricians; and<br>(b) mental health nurses;" in body
    text = page_text(response)
    assert "Petition to the Prime Minister and the Government of Canada" in text
    assert "Government response due" in text
    assert "Response overdue" in text
    assert "Nova Scotia 1100" in text


def test_petition_closed_upon_dissolution(client, samples):
    text = page_text(client.get("/en/petitions/e-90004/"))
    assert "Closed upon dissolution" in text
    assert "Closed for signature March 23, 2025, at 11:15 a.m. (EDT)" in text


def test_page_query_count_does_not_grow_with_clauses(client, e2829, django_assert_num_queries):
    """The page loads the petition, then all its parts, in two queries, however long it is."""
    with django_assert_num_queries(2):
        client.get("/en/petitions/e-2829/")
    for position in range(4, 40):
        WhereasClause.objects.create(petition=e2829, position=position, text_en="More.")
        Demand.objects.create(petition=e2829, position=position + 5, text_en="More.")
    with django_assert_num_queries(2):
        response = client.get("/en/petitions/e-2829/")
    assert page_text(response).count("More.") == 72


def test_member_page_lists_sponsored_petitions(client, samples, django_assert_max_num_queries):
    # The Member, the count, the page's ids and its petitions, the answered/late
    # figures, the record's version and (read once per version) four lists of choices.
    with django_assert_max_num_queries(10):
        response = client.get("/en/members/jordan-sample/")
    text = page_text(response)
    assert "441-90001" in text and "e-90004" in text
    assert "e-2829" not in text


def test_list_is_newest_first_and_query_count_is_fixed(client, samples, django_assert_num_queries):
    # The count, the page's ids and its petitions, the record's version and (read
    # once per version) the five lists of choices of the filter form.
    with django_assert_num_queries(9):
        response = client.get("/en/petitions/")
    numbers = [p.number for p in response.context["petitions"]]
    assert numbers == ["e-90002", "e-90004", "e-90003", "441-90001", "e-2829"]
    assert Petition.objects.count() == 5


def test_home_shows_recent_responses_and_petitions(client, samples):
    text = page_text(client.get("/en/"))
    assert "Latest government responses" in text
    assert "e-2829 (Foreign affairs) — tabled December 9, 2020" in text
    assert "e-90002" in text
