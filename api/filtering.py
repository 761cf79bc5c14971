"""The API filters petitions as the list pages do (petitions.filters) and, as they do,
sorts a search's matches by relevance only when few enough match to rank."""

from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend

from petitions.pagination import ranked_if_few


class PetitionFilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if not filterset.is_valid():
            raise utils.translate_validation(filterset.errors)
        # Building the list is what tells whether it is sorted by relevance.
        queryset = filterset.qs
        if filterset.by_relevance:
            return ranked_if_few(queryset)[0]
        return queryset
