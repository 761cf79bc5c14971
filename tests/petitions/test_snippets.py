"""A search quotes, under each petition it lists, the passages of its text that match,
with the words marked: in the page's language, or in the petition's only language
when it has one. On PostgreSQL (ts_headline) and on SQLite (FTS5's snippet)."""

import re

from petitions import indexing
from petitions.models import Demand, Petition, WhereasClause
from tests.petitions.listing import listed


def snippets(response):
    """{number: the snippet's markup} for each listed petition that has one."""
    body = response.content.decode()
    found = {}
    for item in re.findall(r"(?s)<li>.*?</li>", body.split('class="petition-list"', 1)[-1]):
        number = re.search(r"<strong>([^<]+)</strong>", item)
        snippet = re.search(r'(?s)<p class="snippet">(.*?)</p>', item)
        if number and snippet:
            found[number.group(1)] = snippet.group(1)
    return found


def test_the_matching_word_is_marked_in_the_readers_language(client, samples):
    english = snippets(client.get("/en/search/", {"q": "wetlands"}))
    assert "<mark>wetlands</mark>" in english["e-90004"]
    french = snippets(client.get("/fr/search/", {"q": "milieux humides"}))
    assert "<mark>milieux</mark> <mark>humides</mark>" in french["e-90004"]
    assert "wetlands" not in french["e-90004"]


def test_each_listed_petition_is_quoted_from_its_own_text(client, samples):
    WhereasClause.objects.create(
        petition=Petition.objects.get(e_number=90003),
        position=9,
        text_en="Rural wetlands drain into the clinic's wells.",
    )
    response = client.get("/en/search/", {"q": "wetlands", "sort": "oldest"})
    quoted = snippets(response)
    assert set(listed(response)) == set(quoted) == {"e-90003", "e-90004"}
    assert "clinic" in quoted["e-90003"]
    assert "clinic" not in quoted["e-90004"]


def test_a_petition_written_in_english_only_is_quoted_in_english_on_french_pages(client, samples):
    petition = Petition.objects.get(e_number=90004)
    for field in indexing.TEXT_FIELDS:
        setattr(petition, f"{field}_fr", "")
    petition.save()
    WhereasClause.objects.filter(petition=petition).update(text_fr="")
    Demand.objects.filter(petition=petition).update(text_fr="")
    indexing.refresh(Petition.objects.filter(pk=petition.pk))
    assert Petition.objects.get(pk=petition.pk).search_text_fr == ""
    quoted = snippets(client.get("/fr/search/", {"q": "wetlands"}))
    assert "<mark>wetlands</mark>" in quoted["e-90004"]


def test_markup_in_a_petitions_text_is_quoted_as_text(client, samples):
    WhereasClause.objects.create(
        petition=Petition.objects.get(e_number=90003),
        position=9,
        text_en="Marshes <b>wait</b> & drain.",
    )
    quoted = snippets(client.get("/en/search/", {"q": "marshes"}))
    # PostgreSQL's headline leaves out what reads as a tag; FTS5 quotes it, escaped.
    assert "<b>" not in quoted["e-90003"]
    assert "wait" in quoted["e-90003"]
    assert "&amp; drain" in quoted["e-90003"]
