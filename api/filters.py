"""INTERIM: the petition filters the API list needs until the public search's FilterSet lands.

``petitions.filters.PetitionFilterSet`` (the browse-and-search page's filters, full-text
``q``, every facet and the sort orders) replaces this module: the API list view names
its FilterSet in one place, ``PetitionListView.filterset_class``. Parameter names here
follow the search page's so that a search's query string is also an API query.
"""

import django_filters
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from petitions.choices import Status
from petitions.models import NEWEST_FIRST, Petition, Subject

# Whitelisted sort orders; each ends on the primary key so pages never overlap.
ORDERINGS = {
    "newest": NEWEST_FIRST,
    "oldest": [
        F("presented_on").asc(nulls_last=True),
        F("opened_at").asc(nulls_last=True),
        F("id").asc(),
    ],
    "most_signatures": [F("signatures").desc(nulls_last=True), F("id").desc()],
    "fewest_signatures": [F("signatures").asc(nulls_last=True), F("id").asc()],
    "member": [F("sponsor__name").asc(nulls_last=True), *NEWEST_FIRST],
}
ORDERING_CHOICES = [
    ("newest", _("Most recent")),
    ("oldest", _("Oldest")),
    ("most_signatures", _("Most signatures")),
    ("fewest_signatures", _("Fewest signatures")),
    ("member", _("Sponsoring Member")),
]


class PetitionFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Words"))
    status = django_filters.ChoiceFilter(choices=Status.choices, label=_("Status"))
    subject = django_filters.ModelChoiceFilter(
        queryset=Subject.objects.all(), to_field_name="slug", label=_("Subject (slug)")
    )
    ordering = django_filters.ChoiceFilter(
        choices=ORDERING_CHOICES, method="sort", label=_("Sort order"), empty_label=None
    )

    class Meta:
        model = Petition
        fields = ["q", "status", "subject", "ordering"]

    def search(self, queryset, name, value):
        # As the search page does: ten words at most, within 200 characters.
        words = " ".join(value.split())[:200]
        return queryset.matching_words(words) if words else queryset

    def sort(self, queryset, name, value):
        return queryset.order_by(*ORDERINGS[value])
