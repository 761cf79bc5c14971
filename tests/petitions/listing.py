"""Helpers for tests of list pages."""

from petitions.models import Petition, WhereasClause


def listed(response):
    """The numbers of the petitions a list page shows, in order."""
    return [petition.number for petition in response.context["petitions"]]


def more_petitions(count):
    """Copies of the sample e-90003 (presented, overdue), each with a clause and keyword."""
    original = Petition.objects.get(e_number=90003)
    keywords = list(original.keywords.all())
    for index in range(count):
        copy = Petition.objects.get(pk=original.pk)
        copy.pk = None
        copy.e_number = 80_000 + index
        copy.petition_no = f"451-{80_000 + index:05d}"
        copy.save()
        copy.keywords.set(keywords)
        WhereasClause.objects.create(
            petition=copy, position=1, text_en="Copied wetland clause.", text_fr="Clause copiée."
        )
