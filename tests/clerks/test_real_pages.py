"""Every real page of the House's site in fixtures/pages: recorded, and shown as printed."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.forms.models import model_to_dict

from clerks.importing import import_page
from clerks.published_page import HEADING_RE
from petitions.models import (
    Demand,
    Member,
    ParliamentSession,
    Petition,
    SignatureCount,
    Subject,
    WhereasClause,
)
from responses.models import GovernmentResponse
from tests.conftest import REAL_PAGES
from tests.pagetext import lines_in_order, page_lines

OTTAWA = ZoneInfo("America/Toronto")
REAL = sorted(REAL_PAGES.glob("*.txt"))
RECORD_MODELS = [
    ParliamentSession, Subject, Member, Petition, WhereasClause, Demand, SignatureCount,
    GovernmentResponse,
]  # fmt: skip
# Kept by the database, not read from a page.
NOT_COMPARED = {"created_at", "updated_at", "search_vector_en", "search_vector_fr"}


def read(path):
    return path.read_text(encoding="utf-8")


def published_lines(text):
    """The petition's lines as printed, from its heading on ("Photo - NAME" is the name)."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    start = next(index for index, line in enumerate(lines) if HEADING_RE.match(line))
    return [line.removeprefix("Photo - ") for line in lines[start:]]


def record():
    """Every row of the record, as values."""
    return {
        model.__name__: sorted(
            (
                {k: v for k, v in model_to_dict(row).items() if k not in NOT_COMPARED}
                for row in model.objects.all()
            ),
            key=repr,
        )
        for model in RECORD_MODELS
    }


@pytest.mark.django_db
@pytest.mark.parametrize("path", REAL, ids=lambda path: path.name)
def test_a_real_page_is_recorded_and_its_page_here_shows_every_line_in_order(client, path):
    result = import_page(read(path))
    assert result.created
    response = client.get(f"/{result.language}/petitions/{result.petition.number}/")
    assert response.status_code == 200
    shown = page_lines(response.content.decode(), "petition")
    assert lines_in_order(published_lines(read(path)), shown) == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", REAL, ids=lambda path: path.name)
def test_importing_a_real_page_again_changes_nothing(path):
    import_page(read(path))
    before = record()
    again = import_page(read(path))
    assert not again.created
    assert record() == before


@pytest.mark.django_db
def test_a_response_tabled_as_a_sessional_paper_is_recorded_and_read_as_published(client):
    petition = import_page(read(REAL_PAGES / "e-1088.txt")).petition
    response = petition.response
    assert (response.tabled_on, response.sessional_paper) == (
        datetime.date(2017, 11, 20),
        "8545-421-179-01",
    )
    assert not response.in_full and response.office == response.text == ""
    assert petition.status == "responded" and petition.session.code == "421"
    record = client.get("/api/v1/petitions/e-1088/").json()
    assert record["response"]["sessional_paper"] == "8545-421-179-01"
    assert record["response"]["in_full"] is False
    assert record["grievance_intro"]["en"] == (
        "Whereas the Minister of National Defence, Hon. Harjit Singh Sajjan has:"
    )
    french = import_page(read(REAL_PAGES / "e-1961.fr.txt")).petition
    text = page_lines(client.get("/fr/petitions/e-1961/").content.decode(), "petition")
    assert (
        "Réponse du gouvernement déposée le 19 juin 2019 "
        "(Document parlementaire no 8545-421-88-13)" in text
    )
    assert french.response.sessional_paper == "8545-421-88-13"


@pytest.mark.django_db
def test_sub_items_under_the_prayer_stay_addressable_one_by_one(client):
    import_page(read(REAL_PAGES / "e-3933.fr.txt"))
    record = client.get("/api/v1/petitions/e-3933/").json()
    assert record["demand_style"] == "marked"
    assert [demand["text"]["fr"][:5] for demand in record["demands"]] == [
        "(i) L",
        "(ii) ",
        "(iii)",
        "(iv) ",
        "(v) L",
    ]
    assert record["lead_in"]["fr"].endswith("répond aux critères suivants :")
    assert len(record["whereas"]) == 4


@pytest.mark.django_db
def test_closing_paragraphs_and_a_prayer_in_two_paragraphs_keep_their_places(client):
    import_page(read(REAL_PAGES / "e-706.txt"))
    e706 = Petition.objects.get(e_number=706)
    assert e706.lead_in_en.endswith("Adopt bill C-251 as a government bill.")
    assert [p[:17] for p in e706.closing_en.split("\n\n")] == [
        "Rob Stewart was a",
        "Canada can honour",
    ]
    assert e706.demands.count() == 0 and e706.grievance_intro_en is None
    import_page(read(REAL_PAGES / "441-02640.txt"))
    paper = Petition.objects.get(petition_no="441-02640")
    assert paper.grievance_intro_en == "WHEREAS:"
    assert paper.lead_in_en.split("\n\n")[0] == "THEREFORE:"
    assert paper.demand_style == "bulleted" and paper.demands.count() == 4


@pytest.mark.django_db
def test_a_sponsor_without_riding_or_province_is_recorded_as_far_as_known():
    bezan = import_page(read(REAL_PAGES / "e-1088.txt")).petition.sponsor
    # The riding comes from the presentation line; the province is nowhere on the page.
    assert (bezan.name, bezan.riding, bezan.caucus, bezan.province) == (
        "James Bezan",
        "Selkirk—Interlake—Eastman",
        "Conservative",
        "",
    )
    manly = import_page(read(REAL_PAGES / "431-00205.txt")).petition
    assert manly.addressee_kind == "several"
    assert (manly.sponsor.riding, manly.sponsor.province) == ("Nanaimo—Ladysmith", "BC")


@pytest.mark.django_db
def test_a_page_with_no_kind_initiator_or_language_line_is_still_read():
    petition = import_page(read(REAL_PAGES / "e-2744.txt")).petition
    assert petition.kind == "electronic"  # the e-number says so
    assert (petition.initiator_name, petition.original_language) == ("", "")
    assert (petition.addressee_kind, petition.addressee_name_en) == ("minister", "Prime Minister")
    assert petition.status == "closed" and petition.presented_on is None
    assert petition.session.code == "431"  # opened July 21, 2020, in the 43rd, 1st session


@pytest.mark.django_db
def test_an_e_petition_opened_during_the_2025_prorogation_is_filed_in_the_44th_parliament():
    text = (
        read(REAL_PAGES / "e-2744.txt")
        .replace("July 21, 2020, at 2:44 p.m.", "March 3, 2025, at 2:44 p.m.")
        .replace("August 20, 2020, at 2:44 p.m.", "April 2, 2025, at 2:44 p.m.")
    )
    petition = import_page(text).petition
    assert (petition.session.parliament, petition.session.number) == (44, 1)


@pytest.mark.django_db
def test_a_january_time_labelled_edt_is_stored_as_ottawa_clock_time():
    text = (
        read(REAL_PAGES / "e-2744.txt")
        .replace("July 21, 2020, at 2:44 p.m. (EDT)", "January 2, 2019, at 3:13 p.m. (EDT)")
        .replace("August 20, 2020, at 2:44 p.m. (EDT)", "May 2, 2019, at 3:13 p.m. (EDT)")
    )
    petition = import_page(text).petition
    assert petition.opened_at == datetime.datetime(2019, 1, 2, 15, 13, tzinfo=OTTAWA)
    assert petition.opened_at == datetime.datetime(2019, 1, 2, 20, 13, tzinfo=datetime.UTC)
    assert petition.session.code == "421"
