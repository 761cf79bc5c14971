"""A visitor finds a petition by its number or by its words."""

import pytest
from django.core.management import call_command
from django.db import connection

from petitions.models import Petition, WhereasClause
from tests.conftest import page_text
from tests.petitions.listing import listed

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="ranking, snippets and the 'or' of web-search syntax are PostgreSQL full-text features",
)


@pytest.mark.parametrize(
    "typed",
    [
        "e-2829",
        "E-2829",
        "e2829",
        "e 2829",
        "2829",
        "432-00158",
        "43200158",
        "  e-2829  ",
        " 432 - 00158 ",
        "e\u20132829",
    ],
)
def test_visitor_types_any_form_of_the_number_and_lands_on_e2829(client, samples, typed):
    response = client.get("/en/search/", {"q": typed})
    assert response.status_code == 302
    assert response["Location"] == "/en/petitions/e-2829/"


def test_visitor_types_a_number_that_names_no_petition_and_sees_close_ones(client, samples):
    response = client.get("/en/search/", {"q": "e-2830"})
    assert response.status_code == 200
    text = page_text(response)
    assert "No petition has the number e-2830." in text
    assert "Petitions with numbers close to it: e-2829 (432-00158)" in text

    text = page_text(client.get("/en/search/", {"q": "432-00160"}))
    assert "No petition has the number 432-00160." in text
    assert "e-2829 (432-00158)" in text


def test_a_number_far_from_any_says_so_without_close_matches(client, samples):
    response = client.get("/en/search/", {"q": "e-500000"})
    assert response.status_code == 200
    text = page_text(response)
    assert "No petition has the number e-500000." in text
    assert "close to it" not in text


@pytest.mark.parametrize(
    "words",
    [
        "dirtiest rigged elections",  # a whereas clause
        "Belarusian political prisoners",  # a demand
        "fraudulent legitimacy",  # the government's response
        "Siarhei Mazgavoi",  # the initiator
        "Foreign affairs",  # the subject
        "Lukashenko",
    ],
)
def test_words_of_e2829_find_it(client, samples, words):
    response = client.get("/en/search/", {"q": words})
    assert response.status_code == 200
    assert listed(response) == ["e-2829"]


def test_french_words_find_the_petition_in_french(client, samples):
    assert listed(client.get("/en/search/", {"q": "emballages"})) == ["441-90001"]
    assert listed(client.get("/en/search/", {"q": "pédiatres"})) == ["e-90003"]


def test_keywords_are_searched(client, samples):
    assert listed(client.get("/en/search/", {"q": "rural health care"})) == ["e-90002", "e-90003"]


def test_a_quoted_phrase_must_appear_as_written(client, samples):
    assert listed(client.get("/en/search/", {"q": '"rigged elections"'})) == ["e-2829"]
    assert listed(client.get("/en/search/", {"q": '"elections rigged"'})) == []


def test_a_minus_word_excludes_petitions_containing_it(client, samples):
    assert listed(client.get("/en/search/", {"q": "Belarus -Magnitsky"})) == []
    assert listed(client.get("/en/search/", {"q": "Belarus -plastic"})) == ["e-2829"]


def test_words_that_match_nothing_say_so(client, samples):
    text = page_text(client.get("/en/search/", {"q": "zanzibar"}))
    assert "0 petitions" in text
    assert "No petitions." in text


@postgresql_only
def test_or_widens_a_search(client, samples):
    response = client.get("/en/search/", {"q": "Lukashenko or emballages"})
    assert sorted(listed(response)) == ["441-90001", "e-2829"]


@postgresql_only
def test_words_are_stemmed_in_each_language(client, samples):
    # "elected" and "election" share an English stem; "emballage" a French one.
    assert listed(client.get("/en/search/", {"q": "elected"})) == ["e-2829"]
    assert listed(client.get("/en/search/", {"q": "emballage"})) == ["441-90001"]


@postgresql_only
def test_best_match_first_and_snippets_show_why(client, samples):
    # "Belarus" is in e-2829's text many times; a made-up petition mentions it once.
    petition = Petition.objects.get(e_number=90003)
    WhereasClause.objects.create(
        petition=petition, position=9, text_en="Doctors trained in Belarus <b>wait</b> too long."
    )
    response = client.get("/en/search/", {"q": "Belarus"})
    assert listed(response) == ["e-2829", "e-90003"]
    body = response.content.decode()
    assert "Doctors trained in <mark>Belarus</mark>" in body
    # Markup typed into a petition's text never reaches the page as markup.
    assert "<b>wait</b>" not in body
    assert "wait" in page_text(response)


@postgresql_only
def test_a_sort_chosen_by_the_visitor_overrides_best_match(client, samples):
    petition = Petition.objects.get(e_number=90003)
    WhereasClause.objects.create(petition=petition, position=9, text_en="Belarus once.")
    response = client.get("/en/search/", {"q": "Belarus", "sort": "oldest"})
    assert listed(response) == ["e-2829", "e-90003"]
    response = client.get("/en/search/", {"q": "Belarus", "sort": "newest"})
    assert listed(response) == ["e-90003", "e-2829"]


@postgresql_only
def test_too_many_matches_to_rank_are_listed_newest_first_and_the_reader_is_told(
    client, samples, monkeypatch
):
    newest_first = listed(client.get("/en/petitions/", {"q": "sample", "sort": "newest"}))
    assert len(newest_first) > 2
    monkeypatch.setattr("petitions.pagination.RANK_LIMIT", 2)
    response = client.get("/en/search/", {"q": "sample"})
    # Counted no further than the limit: the first two, newest first.
    assert listed(response) == newest_first[:2]
    text = page_text(response)
    assert "More than 2 petitions match, so they are listed newest first." in text
    assert "More than 2 petitions" in text
    assert "Only the first 2 petitions are listed." in text


def test_a_search_in_any_order_counts_no_further_than_the_search_bound(
    client, samples, monkeypatch
):
    """Each match counted is a text tested against the words, whatever the order."""
    oldest_first = listed(client.get("/en/petitions/", {"q": "canada", "sort": "oldest"}))
    assert len(oldest_first) > 2
    monkeypatch.setattr("petitions.pagination.RANK_LIMIT", 2)
    response = client.get("/en/petitions/", {"q": "canada", "sort": "oldest"})
    assert listed(response) == oldest_first[:2]
    assert "Only the first 2 petitions are listed." in page_text(response)


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("Rob Stewart film maker", ["e-706"]),  # a closing paragraph
        ("exaggerating Operation MEDUSA", ["e-1088"]),  # clauses under an introduction
        ("draw the attention national unity", ["432-00808"]),  # an introduction
        ("8545-421-179-01", ["e-1088"]),  # the Sessional Paper No. of its response
        ("manifestants inscrits", ["e-3933"]),  # sub-items under the prayer, in French
    ],
)
@pytest.mark.django_db
def test_every_part_of_a_real_page_is_searched(client, words, found):
    call_command("load_sample_records", verbosity=0)
    assert listed(client.get("/en/search/", {"q": words})) == found
