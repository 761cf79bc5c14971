"""A developer fills the database with realistic made-up petitions."""

from collections import Counter
from unittest.mock import Mock

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import CommandError, call_command
from django.db import connection

from demo import staging
from demo.generator import session_shares
from demo.management.commands import seed_demo
from petitions import indexing
from petitions.models import (
    SEARCH_VECTORS,
    Demand,
    Petition,
    SignatureCount,
    WhereasClause,
)
from petitions.vectors import refresh_search_vectors
from responses.models import GovernmentResponse

# seed_demo commits batch by batch (on PostgreSQL, from other connections too): not
# within a test's transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def test_made_up_petitions_are_valid_records(samples):
    call_command("seed_demo", petitions=600, verbosity=0)
    assert Petition.objects.count() == 605
    demo = Petition.objects.exclude(e_number__in=[2829, 90002, 90003, 90004]).exclude(
        petition_no="441-90001"
    )
    # Model validation runs a query per constraint, so check a few of each status.
    checked = Counter()
    for petition in demo.with_page_relations():
        assert petition.status in petition.expected_statuses(has_response=petition.has_response)
        assert petition.lead_in_en and petition.lead_in_fr
        checked[petition.status] += 1
        if checked[petition.status] <= 12:
            petition.full_clean()
            if petition.has_response:
                petition.response.full_clean()
                assert petition.response.text_fr
    statuses = Counter(demo.values_list("status", flat=True))
    assert statuses["responded"] > 200
    assert len(statuses) >= 5
    assert WhereasClause.objects.count() > 1000
    assert Demand.objects.filter(petition__kind="electronic").count() > 1000
    assert SignatureCount.objects.exists()
    assert GovernmentResponse.objects.filter(petition__in=demo).count() == statuses["responded"]


def test_same_seed_gives_the_same_records_and_numbers_follow_on(db):
    call_command("seed_demo", petitions=50, verbosity=0)
    first = list(Petition.objects.order_by("id").values_list("e_number", "petition_no", "lead_in"))
    call_command("seed_demo", petitions=50, verbosity=0)
    second = list(
        Petition.objects.order_by("id").values_list("e_number", "petition_no", "lead_in")[50:]
    )
    assert [row[2] for row in first] == [row[2] for row in second]
    numbers = [n for n, _, _ in first + second if n]
    assert len(numbers) == len(set(numbers))
    assert Petition.objects.filter(petition_no__isnull=False).values(
        "petition_no"
    ).distinct().count() == (Petition.objects.filter(petition_no__isnull=False).count())
    # New rows get ids after the loaded ones.
    Petition.objects.order_by("-id").first().clauses.create(position=99, text_en="Added.")


def test_petition_nos_fill_the_gaps_a_session_leaves(samples):
    # The samples hold 441-90001; made-up petitions number around it.
    call_command("seed_demo", petitions=300, verbosity=0)
    numbers = list(
        Petition.objects.filter(petition_no__startswith="441-").values_list(
            "petition_no", flat=True
        )
    )
    assert "441-90001" in numbers and "441-00001" in numbers
    assert len(numbers) == len(set(numbers))


def test_sessions_share_petitions_within_their_serials():
    # The longest session would take most, but holds only 10 more.
    assert session_shares(100, weights=[1000, 10, 10], rooms=[10, 99_999, 99_999]) == [10, 45, 45]
    shares = session_shares(1_000_000, [1378, 100, 900] * 5, [99_999] * 15)
    assert sum(shares) == 1_000_000 and max(shares) == 99_999
    with pytest.raises(ValueError, match="for 30 more petitions"):
        session_shares(31, weights=[5, 5], rooms=[10, 20])


def test_asking_for_more_petitions_than_sessions_can_number_is_an_error(db):
    with pytest.raises(CommandError, match="Petition Nos"):
        call_command("seed_demo", petitions=5_000_000, verbosity=0)
    assert not Petition.objects.exists()


def derived_data(petitions):
    """What the application derives from each petition: stored texts, vectors, index row."""
    columns = ["id", *indexing.STORED]
    if connection.vendor == "postgresql":
        columns += SEARCH_VECTORS
    derived = list(petitions.order_by("id").values_list(*columns))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT rowid, text_en, text_fr, terms FROM petitions_search ORDER BY 1")
            index_rows = {row[0]: row for row in cursor.fetchall()}
        derived = [(*row, index_rows.get(row[0])) for row in derived]
    return derived


def test_made_up_petitions_hold_what_the_application_derives_from_their_records(samples):
    before = Petition.objects.order_by("-id").values_list("id", flat=True)[0]
    call_command("seed_demo", petitions=300, batch=70, verbosity=0)
    seeded = Petition.objects.filter(id__gt=before)
    loaded = derived_data(seeded)
    assert len(loaded) == 300 and all(row[-1] for row in loaded)
    # Computed again from the records, as a save would.
    indexing.refresh(seeded)
    assert derived_data(seeded) == loaded


def staging_schemas():
    """The schemas seed_demo stages rows in on PostgreSQL."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'seed_demo_%'")
        return cursor.fetchall()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search vectors exist on PostgreSQL")
def test_made_up_petitions_have_the_search_vectors_the_application_computes(samples):
    schemas = staging_schemas()
    call_command("seed_demo", petitions=400, batch=60, workers=2, verbosity=0)
    vectors = ("id", *SEARCH_VECTORS)
    seeded = list(Petition.objects.order_by("id").values_list(*vectors))
    refresh_search_vectors([pk for pk, *_ in seeded])
    assert seeded == list(Petition.objects.order_by("id").values_list(*vectors))
    assert all(en and fr for _, en, fr in seeded)
    assert staging_schemas() == schemas
    # Search finds a made-up paper petition by the place its lead-in names.
    paper = Petition.objects.filter(kind="paper").order_by("-id").first()
    place = paper.lead_in_en.rstrip(".").split()[-1]
    assert paper in Petition.objects.filter(search_vector_en=SearchQuery(place))


def record_counts():
    """The petitions and their parts (the Members and keywords made for them may stay)."""
    return [
        model.objects.count()
        for model in (Petition, WhereasClause, Demand, SignatureCount, GovernmentResponse)
    ] + [Petition.keywords.through.objects.count()]


def constraints_and_indexes(table):
    with connection.cursor() as cursor:
        return sorted(connection.introspection.get_constraints(cursor, table))


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="only PostgreSQL stages rows"
)


@pytest.mark.parametrize(
    "module, step",
    [
        # The last step of the load, after every row has been moved into the tables.
        (seed_demo, "bump"),
        # A worker moving a batch in while rows are still being made.
        pytest.param(staging, "search_vector", marks=postgresql_only),
    ],
)
def test_a_failed_load_removes_the_petitions_it_added(samples, monkeypatch, module, step):
    before = record_counts(), constraints_and_indexes("petitions_petition"), staging_schemas()
    monkeypatch.setattr(module, step, Mock(side_effect=RuntimeError("disk full")))
    with pytest.raises(RuntimeError, match="disk full"):
        call_command("seed_demo", petitions=300, batch=100, verbosity=0)
    after = record_counts(), constraints_and_indexes("petitions_petition"), staging_schemas()
    assert after == before
