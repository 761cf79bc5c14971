"""A clerk records petitions from their published pages."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import serializers
from django.core.management import CommandError, call_command

from clerks.history import NOT_KEPT
from clerks.importing import RecordError, import_page
from clerks.published_page import PageError
from petitions.models import Demand, Member, ParliamentSession, Petition, Subject, WhereasClause
from responses.models import GovernmentResponse
from tests.conftest import PAGES, SEED_PAGE

# What the English page cannot show: French names, the record's own timestamps.
NOT_ON_THE_ENGLISH_PAGE = {"name_fr", "caucus_fr", "riding_fr", "created_at", "updated_at"}
# Derived from the record on every save, so not in the fixture.
DERIVED = set(NOT_KEPT["petitions.Petition"])


def fixture_objects(name):
    """The fixture's rows as unsaved model instances, values in their Python types."""
    path = Path(settings.FIXTURE_DIRS[0]) / f"{name}.json"
    return [entry.object for entry in serializers.deserialize("json", path.read_text())]


def counterpart(row):
    """The imported row that stands for a fixture row."""
    model = type(row)
    if model is ParliamentSession:
        return model.objects.get(parliament=row.parliament, number=row.number)
    if model in (Subject, Member):
        return model.objects.get(slug=row.slug)
    if model is Petition:
        return model.objects.get(e_number=row.e_number)
    if model in (WhereasClause, Demand):
        return model.objects.get(petition__e_number=2829, position=row.position)
    return model.objects.get(petition__e_number=2829)


def read(name):
    return (PAGES / name).read_text(encoding="utf-8")


@pytest.mark.django_db
def test_importing_the_e2829_page_gives_the_record_of_the_fixture():
    import_page(SEED_PAGE.read_text(encoding="utf-8"))

    rows = fixture_objects("e-2829")
    imported = {(type(row), row.pk): counterpart(row) for row in rows}
    assert len(rows) == 16  # session, subject, Member, petition, 3 clauses, 8 demands, response
    for row in rows:
        mine = imported[(type(row), row.pk)]
        for field in row._meta.concrete_fields:
            if field.primary_key or field.name in NOT_ON_THE_ENGLISH_PAGE | DERIVED:
                continue
            expected = field.value_from_object(row)
            actual = field.value_from_object(mine)
            if field.is_relation and expected is not None:
                expected = imported[(field.related_model, expected)].pk
            assert actual == expected, f"{row._meta.label} {row.pk} {field.name}"
    assert Petition.objects.count() == 1 and Demand.objects.count() == 8
    assert Petition.objects.get().response_late is False  # tabled within 45 days


@pytest.mark.django_db
def test_importing_the_same_page_again_updates_in_place():
    first = import_page(SEED_PAGE.read_text(encoding="utf-8"))
    clause_ids = list(first.petition.clauses.values_list("pk", flat=True))
    WhereasClause.objects.filter(pk=clause_ids[0]).update(text_en="Typo in the clause;")
    Demand.objects.create(petition=first.petition, position=9, text_en="A stray demand.")

    again = import_page(SEED_PAGE.read_text(encoding="utf-8"))

    assert not again.created and again.petition.pk == first.petition.pk
    assert Petition.objects.count() == 1
    assert (Member.objects.count(), Subject.objects.count(), ParliamentSession.objects.count()) == (
        1,
        1,
        1,
    )
    assert list(again.petition.clauses.values_list("pk", flat=True)) == clause_ids
    assert again.petition.clauses.first().text.startswith("The August 9, 2020")
    assert again.petition.demands.count() == 8
    assert GovernmentResponse.objects.count() == 1


@pytest.mark.django_db
def test_importing_over_the_loaded_fixture_changes_nothing_a_reader_sees(e2829):
    import_page(SEED_PAGE.read_text(encoding="utf-8"))
    petition = Petition.objects.get()
    assert petition.pk == e2829.pk
    assert petition.subject.name_fr == "Affaires étrangères"
    assert petition.sponsor.caucus_fr == "Libéral"
    assert [c.text for c in petition.clauses.all()] == [c.text for c in e2829.clauses.all()]


@pytest.mark.django_db
def test_a_malformed_page_saves_nothing_and_names_the_line():
    text = SEED_PAGE.read_text(encoding="utf-8").replace("December 9, 2020", "Dec 9 2020")
    with pytest.raises(PageError, match=r"^Line 64: expected a date like “October 26, 2020”"):
        import_page(text)
    assert not Petition.objects.exists()
    assert not Member.objects.exists() and not Subject.objects.exists()


@pytest.mark.django_db
def test_a_page_that_breaks_a_rule_of_the_record_saves_nothing():
    # Read fine, but a response tabled before the petition was presented.
    text = SEED_PAGE.read_text(encoding="utf-8").replace("December 9, 2020", "October 1, 2020")
    with pytest.raises(RecordError, match="tabled after the petition is presented"):
        import_page(text)
    assert not Petition.objects.exists()
    assert not Member.objects.exists() and not ParliamentSession.objects.exists()


@pytest.mark.django_db
def test_a_paper_petition_in_the_older_form_is_recorded():
    result = import_page(read("made-up-441-90101-paper.txt"))
    petition = result.petition
    assert (petition.kind, petition.number, petition.status) == ("paper", "441-90101", "responded")
    assert petition.session.code == "441"
    assert petition.clause_style == "paragraphs"
    assert [c.text[:4] for c in petition.clauses.all()] == ["THAT", "THAT"]
    assert petition.lead_in.startswith("THEREFORE")
    assert petition.sponsor == petition.presenter
    assert petition.response.paragraphs[1] == "The Government is consulting on a cleanup plan."


@pytest.mark.django_db
def test_an_open_petition_takes_the_session_it_opened_in():
    petition = import_page(read("made-up-e-90102-open-to-a-minister.txt")).petition
    assert (petition.status, petition.petition_no, petition.presenter) == ("open", None, None)
    assert petition.session.code == "451"
    assert (petition.addressee_kind, petition.addressee_name) == ("minister", "Minister of Health")
    assert not petition.demands.exists()


@pytest.mark.django_db
def test_english_then_french_pages_make_one_bilingual_record():
    import_page(read("made-up-e-90103-en.txt"))
    result = import_page(read("made-up-e-90103-fr.txt"))
    assert not result.created and Petition.objects.count() == 1
    petition = Petition.objects.get(e_number=90103)
    assert petition.subject.name_en == "Health" and petition.subject.name_fr == "Santé"
    assert petition.lead_in_en.startswith("We, the undersigned")
    assert petition.lead_in_fr.startswith("Nous, soussignés")
    assert petition.demands.first().text_fr.endswith("(b) des infirmières en santé mentale;")
    assert petition.demands.first().text_en.endswith("(b) mental health nurses;")
    assert (petition.sponsor.riding_en, petition.sponsor.riding_fr) == (
        "Example North",
        "Exemple-Nord",
    )
    assert (petition.sponsor.caucus_en, petition.sponsor.caucus_fr) == ("NDP", "NPD")
    assert petition.response.office_fr == "la ministre de la Santé"
    assert petition.response.signer_name == "The Honourable Sample Minister"
    assert Member.objects.count() == 1


@pytest.mark.django_db
def test_a_french_page_alone_creates_the_record_in_french():
    petition = import_page(read("made-up-e-90103-fr.txt")).petition
    assert petition.original_language == "fr"
    assert petition.subject.name_fr == "Santé"
    assert petition.clauses.count() == 2
    assert petition.response.tabled_on.isoformat() == "2025-11-05"


@pytest.mark.django_db
def test_a_french_page_that_disagrees_on_the_clauses_is_refused():
    import_page(read("made-up-e-90103-en.txt"))
    import_page(read("made-up-e-90103-fr.txt"))
    english = read("made-up-e-90103-en.txt").replace("  • Distances discourage families.\n", "")
    with pytest.raises(RecordError, match="this page has 1 clauses but the record has 2"):
        import_page(english)
    assert Petition.objects.get().clauses.count() == 2


@pytest.mark.django_db
def test_a_presenting_member_other_than_the_sponsor_is_recorded_with_their_riding():
    text = SEED_PAGE.read_text(encoding="utf-8").replace(
        "Chandra Arya (Nepean)", "Pat Nobody (Elsewhere)"
    )
    petition = import_page(text).petition
    assert (petition.presenter.name, petition.presenter.riding) == ("Pat Nobody", "Elsewhere")
    # The page does not show the presenter's province or caucus: left unknown.
    assert (petition.presenter.province, petition.presenter.caucus) == ("", "")
    assert petition.sponsor.name == "Chandra Arya"


@pytest.mark.django_db
def test_the_command_imports_several_files_and_reports_each(capsys):
    call_command("import_petition", str(SEED_PAGE), str(PAGES / "made-up-e-90103-en.txt"))
    out = capsys.readouterr().out
    assert "e-2829 created (en)" in out and "e-90103 created (en)" in out
    assert Petition.objects.count() == 2


@pytest.mark.django_db
def test_the_command_reports_a_bad_file_and_fails(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("e-1 (Nothing)\nE-petition\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 of 2 pages not imported"):
        call_command("import_petition", str(bad), str(SEED_PAGE))
    assert "bad.txt: Line 3: expected the addressee" in capsys.readouterr().err
    assert list(Petition.objects.values_list("e_number", flat=True)) == [2829]
