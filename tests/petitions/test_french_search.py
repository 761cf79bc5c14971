"""A francophone searches without typing accents, and in either case."""

import pytest
from django.db import connection

from petitions.folding import fold
from tests.petitions.listing import listed


def test_folding_drops_accents_and_case():
    assert (
        fold("PÉTITION à Québec, Île-du-Prince-Édouard")
        == "petition a quebec, ile-du-prince-edouard"
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("pediatres", ["e-90003"]),
        ("PÉDIATRES", ["e-90003"]),
        ("petitionnaires", ["441-90001"]),
        ("consequent emballages", ["441-90001"]),
        ("sante mentale", ["e-90003"]),
    ],
)
def test_unaccented_words_find_accented_french_text(client, samples, typed, expected):
    assert listed(client.get("/fr/search/", {"q": typed})) == expected


def test_an_accented_word_does_not_match_a_different_word(client, samples):
    assert listed(client.get("/fr/search/", {"q": "pédiatresx"})) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="French stemming is full-text search")
def test_french_stemming_and_unaccent_together(client, samples):
    # The singular, without its accent, finds "pétitionnaires" and "pédiatres".
    assert listed(client.get("/fr/search/", {"q": "petitionnaire"})) == ["441-90001"]
    assert listed(client.get("/fr/search/", {"q": "pediatre"})) == ["e-90003"]


def test_portable_search_folds_accents_too(samples):
    from petitions.models import Petition

    found = Petition.objects.matching_words("pediatres")
    assert [p.number for p in found] == ["e-90003"]
