"""A clerk corrects a petition in the admin, and search finds it by its new words at once."""

import pytest
from django.core.management import call_command
from django.db import connection

from petitions.models import SEARCH_VECTORS, Keyword, Petition, Subject
from petitions.vectors import refresh_search_vectors, search_vector
from tests.conftest import rendered_form_data
from tests.petitions.listing import listed
from tests.petitions.test_admin import clerk_client  # noqa: F401


def found(client, words):
    return listed(client.get("/en/search/", {"q": words}))


def test_clerk_edits_clause_demand_keywords_and_response_and_search_follows(
    clerk_client,  # noqa: F811
    samples,
):
    petition = Petition.objects.get(e_number=2829)
    change_url = f"/admin/petitions/petition/{petition.pk}/change/"
    data = rendered_form_data(clerk_client.get(change_url))
    data["clauses-0-text_en"] = "Zanzibar harbour was closed;"
    data["demands-0-text_en"] = "Open the Quixotic registry;"
    data["response-0-text_en"] = "The Government reviewed the Xylophone report."
    data["keywords"] = str(Keyword.objects.get(slug="plastic-packaging").pk)
    response = clerk_client.post(change_url, data)
    assert response.status_code == 302, response.context and response.context.get("errors")

    for words in ["Zanzibar harbour", "Quixotic registry", "Xylophone", "plastic packaging"]:
        assert "e-2829" in found(clerk_client, words), words
    # The words replaced are no longer found.
    assert found(clerk_client, "dirtiest rigged") == []
    assert found(clerk_client, "Belarusian officials free") == []


def test_renaming_a_subject_or_keyword_is_searchable(client, samples):
    subject = Subject.objects.get(slug="foreign-affairs")
    subject.name_en = "International relations"
    subject.save()
    keyword = Keyword.objects.get(slug="rural-health-care")
    keyword.name_en = "Remote clinics"
    keyword.save()
    assert found(client, "International relations") == ["e-2829"]
    assert found(client, "Remote clinics") == ["e-90002", "e-90003"]


RURAL = '"Rural health care"'


def test_deleting_a_keyword_or_clearing_it_updates_search(client, samples):
    keyword = Keyword.objects.get(slug="rural-health-care")
    keyword.petitions.clear()
    assert found(client, RURAL) == []
    Petition.objects.get(e_number=90002).keywords.add(keyword)
    assert found(client, RURAL) == ["e-90002"]
    keyword.delete()
    assert found(client, RURAL) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search vectors exist on PostgreSQL")
def test_vectors_hold_each_language_stemmed_in_it(samples):
    petition = Petition.objects.get(petition_no="441-90001")
    english = petition.search_vector_en
    french = petition.search_vector_fr
    assert "'packag'" in english and "'plastic'" in english  # English stems
    assert "'emballag'" in french and "'plastiqu'" in french  # French stems
    assert "'44190001'" in english and "'44190001'" in french  # the number, typed compactly


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search vectors exist on PostgreSQL")
def test_vectors_refreshed_by_the_compiled_update_are_the_orms_and_only_those_asked(samples):
    def vectors():
        rows = Petition.objects.values_list("pk", *SEARCH_VECTORS)
        return {pk: (en, fr) for pk, en, fr in rows}

    computed = vectors()
    Petition.objects.update(search_vector_en=None, search_vector_fr=None)
    asked = sorted(computed)[:2]
    refresh_search_vectors(asked)
    refreshed = vectors()
    assert {pk: refreshed[pk] for pk in asked} == {pk: computed[pk] for pk in asked}
    assert all(refreshed[pk] == (None, None) for pk in computed if pk not in asked)
    # The ORM's own update of the same expressions writes what the compiled one wrote.
    Petition.objects.update(**{name: search_vector(name[-2:]) for name in SEARCH_VECTORS})
    assert vectors() == computed
    assert all(en and fr for en, fr in computed.values())


def index_rows():
    """The petitions the SQLite full-text index holds a row for (None elsewhere)."""
    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid FROM petitions_search ORDER BY rowid")
        return [row[0] for row in cursor.fetchall()]


def petitions_indexed():
    if connection.vendor != "sqlite":
        return None
    return list(Petition.objects.order_by("pk").values_list("pk", flat=True))


def test_deleting_a_clause_a_response_or_a_petition_takes_its_words_out_of_search(client, samples):
    petition = Petition.objects.get(e_number=2829)
    assert found(client, "dirtiest rigged") == ["e-2829"]
    petition.clauses.get(position=1).delete()
    assert found(client, "dirtiest rigged") == []
    assert found(client, "fraudulent legitimacy") == ["e-2829"]
    petition.response.delete()
    Petition.objects.filter(pk=petition.pk).update(status="presented")
    assert found(client, "fraudulent legitimacy") == []
    Petition.objects.get(e_number=90004).delete()
    assert found(client, "wetland") == []
    assert index_rows() == petitions_indexed()


# A bulk load alters the tables' constraints on PostgreSQL: not within a test's transaction.
@pytest.mark.django_db(transaction=True)
def test_an_imported_page_and_a_bulk_load_are_searchable(client):
    call_command("load_sample_records", verbosity=0)
    assert found(client, "sharks fins") == ["e-706"]
    assert found(client, "8545-421-88-13") == ["e-1961"]
    call_command("seed_demo", petitions=40, verbosity=0)
    assert index_rows() == petitions_indexed()
    seeded = Petition.objects.order_by("-pk").first()
    # Its place name: a made-up word found in no other petition's text.
    place = seeded.lead_in_en.split(" in ")[-1].rstrip(".") if seeded.kind == "paper" else None
    words = f'"{place}"' if place else f'"{seeded.initiator_name}"'
    assert seeded.number in found(client, words)
