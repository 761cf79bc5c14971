"""Lists sorted by Member follow the sponsors' names, whichever way a petition or a
Member was saved (the name is copied onto each petition so that an index serves
the sort)."""

import pytest
from django.core.management import call_command

from petitions.models import Member, Petition
from tests.petitions.listing import listed


def by_member(client):
    return listed(client.get("/en/petitions/", {"sort": "member"}))


def expected_order():
    """The order the sort promises, worked out from the Members themselves."""
    petitions = Petition.objects.select_related("sponsor")
    newest_first = [p.pk for p in petitions]  # the model's default order
    order = sorted(
        petitions,
        key=lambda p: (
            p.sponsor is None,
            p.sponsor.name if p.sponsor else "",
            newest_first.index(p.pk),
        ),
    )
    return [p.number for p in order]


def test_fixtures_are_sorted_by_their_sponsors_names(client, samples):
    assert Petition.objects.filter(sponsor__isnull=False, sponsor_name=None).count() == 0
    assert by_member(client) == expected_order()


def test_a_renamed_member_moves_their_petitions(client, samples):
    first = Petition.objects.filter(sponsor__isnull=False).order_by("pk").first()
    member = first.sponsor
    member.name = "Aaron Aaronson"
    member.save()
    order = by_member(client)
    assert order == expected_order()
    assert Petition.objects.get(pk=first.pk).number in order[: member.sponsored_petitions.count()]
    member.name = "Zed Zimmerman"
    member.save()
    order = by_member(client)
    assert order == expected_order()
    assert order.index(first.number) > 0


def test_a_petition_given_another_sponsor_moves(client, samples):
    petition = Petition.objects.filter(sponsor__isnull=False).order_by("pk").first()
    petition.sponsor = Member.objects.create(name="Aaron Aaronson", slug="aaron-aaronson")
    petition.save()
    assert by_member(client)[0] == petition.number
    # By id, as a form or an import sets it.
    petition = Petition.objects.get(pk=petition.pk)
    petition.sponsor_id = Member.objects.create(name="Zed Zimmerman", slug="zed-zimmerman").pk
    petition.save()
    assert by_member(client) == expected_order()
    petition.sponsor = None
    petition.save()
    assert Petition.objects.get(pk=petition.pk).sponsor_name is None
    assert by_member(client) == expected_order()


# seed_demo commits batch by batch: not within a test's transaction.
@pytest.mark.django_db(transaction=True)
def test_made_up_petitions_carry_their_sponsors_names(client):
    call_command("seed_demo", petitions=200, verbosity=0)
    named = Petition.objects.filter(sponsor__isnull=False).select_related("sponsor")
    assert named.count() > 150
    assert all(p.sponsor_name == p.sponsor.name for p in named)
    assert by_member(client) == expected_order()[:20]
