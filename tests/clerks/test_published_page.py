"""Reading published pages: every shape, and a clear error at the first bad line."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from clerks.published_page import PageError, parse_page
from tests.conftest import PAGES, SEED_PAGE

OTTAWA = ZoneInfo("America/Toronto")


def read(name):
    return (PAGES / name).read_text(encoding="utf-8")


def test_the_e2829_page_reads_as_published():
    page = parse_page(SEED_PAGE.read_text(encoding="utf-8"))
    assert (page.language, page.kind, page.number, page.petition_no) == (
        "en",
        "electronic",
        "e-2829",
        "432-00158",
    )
    assert page.subject == "Foreign affairs"
    assert (page.initiator_name, page.initiator_city, page.initiator_province) == (
        "Siarhei Mazgavoi",
        "Nepean",
        "ON",
    )
    assert (page.addressee_kind, page.addressee_name) == ("government", "")
    assert page.grievance_intro == ["Whereas:"] and page.clause_style == "bulleted"
    assert len(page.clauses) == 3 and page.clauses[2].endswith("89 cases of missing people.")
    assert page.lead_in.endswith("call upon the Government of Canada to:")
    assert len(page.demands) == 8 and page.demands[7].startswith("Prevent Russia’s")
    assert page.opened_at == datetime.datetime(2020, 9, 15, 9, 30, tzinfo=OTTAWA)
    # The page prints when it closed; whether that was the scheduled closing is the
    # importer's to judge (clerks.importing).
    assert page.closed_at == datetime.datetime(2020, 10, 15, 9, 30, tzinfo=OTTAWA)
    assert page.scheduled_close_at is None
    assert page.presented_on == datetime.date(2020, 10, 26)
    assert page.response.office == "Minister of Foreign Affairs"
    assert page.response.signer_name == "The Honourable François-Philippe Champagne"
    assert len(page.response.paragraphs) == 12
    assert page.response.tabled_on == datetime.date(2020, 12, 9)
    assert (page.sponsor.name, page.sponsor.riding, page.sponsor.caucus) == (
        "Chandra Arya",
        "Nepean",
        "Liberal",
    )
    assert page.presenter.name == "Chandra Arya"


def test_a_paper_petition_in_the_older_form():
    page = parse_page(read("made-up-441-90101-paper.txt"))
    assert (page.kind, page.e_number, page.petition_no) == ("paper", None, "441-90101")
    assert page.addressee_kind == "house"
    assert page.clause_style == "paragraphs"
    assert [c[:8] for c in page.clauses] == ["THAT the", "THAT the"]
    assert page.lead_in.startswith("THEREFORE your petitioners")
    assert page.demands == []
    assert page.opened_at is None and page.presented_on == datetime.date(2022, 2, 1)


def test_an_open_petition_to_a_minister_with_a_single_request():
    page = parse_page(read("made-up-e-90102-open-to-a-minister.txt"))
    assert (page.addressee_kind, page.addressee_name) == ("minister", "Minister of Health")
    assert page.clauses == [] and page.demands == []
    assert page.lead_in.endswith("(made-up petition for the tests).")
    assert page.scheduled_close_at == datetime.datetime(2027, 3, 2, 10, 0, tzinfo=OTTAWA)
    assert page.closed_at is None and page.presented_on is None and page.response is None


def test_a_french_page_with_french_labels_and_dates():
    page = parse_page(read("made-up-e-90103-fr.txt"))
    assert (page.language, page.original_language) == ("fr", "fr")
    assert (page.initiator_name, page.initiator_city, page.initiator_province) == (
        "Camille de Exemple",
        "Rimouski",
        "QC",
    )
    assert page.addressee_kind == "several"
    assert page.demand_style == "bulleted"
    assert page.demands[0].splitlines() == [
        "Financer des équipes spécialisées itinérantes, notamment :",
        "(a) des pédiatres;",
        "(b) des infirmières en santé mentale;",
    ]
    assert page.response.office == "la ministre de la Santé"
    assert page.closed_at == datetime.datetime(2025, 8, 1, 14, 40, tzinfo=OTTAWA)
    assert page.petition_no == "451-90103"
    assert (page.sponsor.caucus, page.sponsor.province) == ("NPD", "NS")


@pytest.mark.parametrize(
    ("change", "line", "expected"),
    [
        (("E-petition", "Electronic petition"), 7, "expected the addressee"),
        (("E-petition", "Paper petition"), 7, "a kind that agrees with the heading"),
        (("at 9:30 a.m. (EDT)", "at 9:30 (EDT)"), 57, "a date and time like"),
        (("October 15, 2020, at 9:30 a.m.", "October 15, 2020, at 19:30 a.m."), 59, "from 1 to 12"),
        (("(Petition No. 432-00158)", "(No. 432-00158)"), 62, "the date and Petition No."),
        (("October 26, 2020 (Petition", "Octobre 26, 2020 (Petition"), 62, "a date like"),
        (("December 9, 2020", "December 32, 2020"), 64, "a real date"),
        (("\nOntario", "\nAtlantis"), 68, "province or territory"),
    ],
)
def test_a_malformed_page_names_the_line_and_what_was_expected(change, line, expected):
    text = SEED_PAGE.read_text(encoding="utf-8").replace(*change, 1)
    with pytest.raises(PageError) as raised:
        parse_page(text)
    assert raised.value.line == line
    assert expected in str(raised.value)
    assert str(raised.value).startswith(f"Line {line}: ")


def test_text_that_is_no_petition_page_is_refused_at_its_first_line():
    with pytest.raises(PageError, match=r"^Line 1: expected the heading"):
        parse_page("Dear clerk,\nplease file this.\n")


def test_a_truncated_page_says_what_is_missing():
    text = SEED_PAGE.read_text(encoding="utf-8").split("Open for signature")[0]
    with pytest.raises(PageError, match="expected “Government response tabled”|found the end"):
        parse_page(text)
