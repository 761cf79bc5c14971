"""A francophone reads the record in French; the language switch leads to the same page."""

import re

import pytest

from clerks.importing import import_page
from tests.conftest import PAGES, page_text

NBSP = "\u00a0"


def test_francophone_reads_e2829_with_french_labels_and_dates(client, e2829):
    response = client.get("/fr/petitions/e-2829/")
    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()
    body = response.content.decode()
    # French typography: a non-breaking space before a colon (page_text folds it).
    assert f"Langue d'origine de la pétition{NBSP}: Anglais" in body
    text = page_text(response)
    for sentence in [
        "e-2829 (Affaires étrangères)",
        "Pétition électronique",
        "Lancée par Siarhei Mazgavoi de Nepean (Ontario)",
        "Langue d'origine de la pétition : Anglais",
        "Statut : Réponse du gouvernement déposée",
        "Pétition au gouvernement du Canada",
        "Signé par (ministre ou secrétaire parlementaire) : The Honourable",
        "Ouverte pour signature 15 septembre 2020 à 9 h 30 (HAE)",
        "Fermée pour signature 15 octobre 2020 à 9 h 30 (HAE)",
        "Présentée à la Chambre des Communes Chandra Arya (Nepean) "
        "26 octobre 2020 (Pétition n° 432-00158)",
        "Réponse du gouvernement déposée 9 décembre 2020",
        "Caucus Libéral",
        "Législature et session : 43e législature, 2e session",
    ]:
        assert sentence in text, sentence
    for english_label in ["Initiated by", "Open for signature", "EDT", "a.m."]:
        assert english_label not in text


def test_e2829_has_no_french_text_so_its_english_text_is_marked_english(client, e2829):
    body = client.get("/fr/petitions/e-2829/").content.decode()
    note = (
        f"Une partie de cette pétition n’est pas enregistrée en français{NBSP}: "
        "elle est présentée en anglais."
    )
    # Said once, near the top; each English block is marked.
    assert body.count(note) == 1
    assert body.index(note) < body.index('<h1 id="petition-title">')
    assert '<p class="grievance-intro" lang="en">Whereas:</p>' in body
    assert len(re.findall(r'<li[^>]* lang="en">', body)) == 3 + 8
    assert '<p class="lead-in" lang="en">We, the undersigned' in body
    assert (
        '<h2 id="response-title" lang="en">Response by the Minister of Foreign Affairs</h2>' in body
    )
    assert '<div class="response-text" lang="en">' in body
    # Written in French: not marked.
    assert '<h2 id="petition-addressee">Pétition au gouvernement du Canada</h2>' in body


def test_english_page_of_e2829_marks_nothing_as_another_language(client, e2829):
    body = client.get("/en/petitions/e-2829/").content.decode()
    # Only the language switch is in French.
    assert re.findall(r'<[^>]*\slang="fr"[^>]*>', body) == [
        '<a href="/fr/petitions/e-2829/" lang="fr" hreflang="fr">'
    ]
    assert "not recorded in" not in body


def test_french_petition_reads_in_french_with_the_article_contracted(client, samples):
    text = page_text(client.get("/fr/petitions/e-90002/"))
    assert "Pétition à la ministre de la Santé" in text
    assert "Nous, soussignés, citoyens et résidents du Canada, prions la ministre" in text
    assert "n’est pas enregistrée" not in text
    assert "Fermeture pour signature 1er décembre 2026" not in text  # not the first of a month
    assert "Langue d'origine de la pétition : Français" in text
    text = page_text(client.get("/fr/petitions/441-90001/"))
    assert "Pétition à la Chambre des communes" in text
    assert "Pétition papier" in text
    assert "Présentée le" not in text and "1er février 2022" in text


def test_winter_times_read_as_the_house_labels_them(client, samples):
    """e-90002 opened in November, after the change to standard time: the clock time is
    Ottawa's, and the House labels every time "(EDT)" / "(HAE)"."""
    assert "2 novembre 2026 à 10 h 00 (HAE)" in page_text(client.get("/fr/petitions/e-90002/"))
    assert "November 2, 2026, at 10:00 a.m. (EDT)" in page_text(
        client.get("/en/petitions/e-90002/")
    )


@pytest.mark.django_db
def test_imported_french_page_reads_back_as_published(client):
    """A clerk imports both published pages; the French page shows the House's headings."""
    import_page((PAGES / "made-up-e-90103-en.txt").read_text(encoding="utf-8"))
    import_page((PAGES / "made-up-e-90103-fr.txt").read_text(encoding="utf-8"))
    text = page_text(client.get("/fr/petitions/e-90103/"))
    assert "Pétition au premier ministre et au gouvernement du Canada" in text
    assert "Réponse de la ministre de la Santé" in text
    text = page_text(client.get("/en/petitions/e-90103/"))
    assert "Petition to the Prime Minister and the Government of Canada" in text


def test_provinces_are_named_in_french(client, samples):
    text = page_text(client.get("/fr/petitions/e-90003/"))
    assert "Nouvelle-Écosse 1100" in text
    assert "Île-du-Prince-Édouard 44" in text


PAGES_IN_BOTH = [
    "/{}/",
    "/{}/petitions/",
    "/{}/petitions/?page=1",
    "/{}/petitions/e-2829/",
    "/{}/search/?q=belarus",
    "/{}/members/jordan-sample/",
    "/{}/subjects/health/",
    "/{}/sessions/432/",
    "/{}/petitions/e-9999/",
]


@pytest.mark.parametrize("page", PAGES_IN_BOTH)
def test_language_switch_leads_to_the_same_page_in_the_other_language(client, samples, page):
    for here, there, name in [("en", "fr", "Français"), ("fr", "en", "English")]:
        body = client.get(page.format(here)).content.decode()
        target = page.format(there).replace("&", "&amp;")
        assert f'<a href="{target}" lang="{there}" hreflang="{there}">{name}</a>' in body
        assert f'<link rel="alternate" hreflang="{there}" href="{target}">' in body
        assert f'<html lang="{here}">' in body


def test_an_unprefixed_address_redirects_to_the_browsers_language(client, e2829):
    response = client.get("/petitions/e-2829/?x=1", headers={"accept-language": "fr-CA,fr;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/petitions/e-2829/?x=1"
    response = client.get("/petitions/e-2829/", headers={"accept-language": "en-CA"})
    assert response["Location"] == "/en/petitions/e-2829/"
    response = client.get("/", headers={"accept-language": "de"})
    assert response["Location"] == "/en/"
    assert "Accept-Language" in response["Vary"]


def test_french_page_of_an_english_only_petition_says_so_once_near_the_top(client, e2829):
    body = client.get("/fr/petitions/e-2829/").content.decode()
    note = "Une partie de cette pétition n’est pas enregistrée en français"
    assert body.count(note) == 1
    # Before the petition's heading, and its English blocks still marked as English.
    assert body.index(note) < body.index('id="petition-title"')
    assert re.search(r'<[a-z]+ [^>]*lang="en"[^>]*>\s*(<p>)?We, the undersigned', body)


def test_a_part_written_in_one_language_only_is_noted_on_the_other_languages_page(client, e2829):
    """The note names the language shown, whichever text (a demand, the response's
    office) lacks the page's. e-2829 is held as its English page printed it: its
    French page notes the English shown, its English page notes nothing."""
    english_note = "Part of this petition is not recorded in English"
    french_note = "Une partie de cette pétition n’est pas enregistrée en français"
    assert french_note in client.get("/fr/petitions/e-2829/").content.decode()
    assert english_note not in client.get("/en/petitions/e-2829/").content.decode()
    demand = e2829.demands.order_by("position").last()
    english = demand.text_en
    demand.text_en, demand.text_fr = "", "Prendre des mesures."
    demand.save()
    assert english_note in client.get("/en/petitions/e-2829/").content.decode()
    demand.text_en = english
    demand.save()
    assert english_note not in client.get("/en/petitions/e-2829/").content.decode()
    response = e2829.response
    response.office_en, response.office_fr = "", "ministre des Affaires étrangères"
    response.save()
    assert english_note in client.get("/en/petitions/e-2829/").content.decode()
