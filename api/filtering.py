"""The API filters petitions as the list pages do (petitions.filters) and, as they do,
counts a search's matches up to RANK_LIMIT and sorts them by relevance only when
they are all counted, keeping the count for the record's version."""

from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend

from pagecache.models import current_version
from petitions import pagination


class PetitionFilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if not filterset.is_valid():
            raise utils.translate_validation(filterset.errors)
        # Building the list is what tells whether it is sorted by relevance.
        queryset = filterset.qs
        if filterset.query:
            # Read by the view's paginator (BoundedPetitionPagination): the matches
            # are counted once, here when ranking needs the count.
            view.count_limit = pagination.RANK_LIMIT
            if filterset.by_relevance:
                ids, view.counted, _ = pagination.ranked_if_few(
                    pagination.Ids(queryset), version=current_version()
                )
                queryset = ids.queryset
        return queryset
