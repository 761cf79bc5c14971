"""A developer fills the database with realistic made-up petitions."""

from collections import Counter

from django.core.management import call_command

from petitions.models import Demand, Petition, SignatureCount, WhereasClause
from responses.models import GovernmentResponse


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
