"""Pages of a list: ``count`` (the total), ``next``, ``previous`` and ``results``."""

from django.core.paginator import InvalidPage
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination

from pagecache.models import current_version
from petitions.pagination import COUNT_LIMIT, RANK_LIMIT, BoundedPaginator

# Nine digits at most: no list has more pages, and int() of a huge string is slow.
MAX_NUMBER = 999_999_999


class StrictPageNumberPagination(PageNumberPagination):
    """DRF's page-number pagination, strict about its parameters.

    The total is counted once per request (the paginator caches it). A page or page
    size that is not a whole number in range is a 400 naming the parameter; a page
    past the last is a 404.
    """

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.page_query_param: {"minimum": 1, "maximum": MAX_NUMBER},
            self.page_size_query_param: {"minimum": 1, "maximum": self.max_page_size},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds[parameter["name"]])
        return parameters

    def make_paginator(self, queryset, request, view):
        return self.django_paginator_class(queryset, self.get_page_size(request))

    def check_parameters(self, request):
        """Refuse bad paging parameters even where the whole list is given (CSV)."""
        self._positive_int(request, self.page_query_param, 1)
        self.get_page_size(request)

    def get_page_size(self, request):
        return self._positive_int(request, self.page_size_query_param, self.page_size)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        number = self._positive_int(request, self.page_query_param, 1)
        paginator = self.make_paginator(queryset, request, view)
        try:
            self.page = paginator.page(number)
        except InvalidPage:
            raise NotFound(_("There is no page %(number)s.") % {"number": number}) from None
        return list(self.page)

    def _positive_int(self, request, name, default):
        value = request.query_params.get(name)
        if value is None or value == "":
            return default
        if not (value.isascii() and value.isdigit() and len(value) <= 9 and int(value) >= 1):
            raise ValidationError(
                {name: [_("Give a whole number from 1 to %(max)s.") % {"max": MAX_NUMBER}]}
            )
        number = int(value)
        if name == self.page_size_query_param and number > self.max_page_size:
            raise ValidationError({name: [_("At most %(limit)s.") % {"limit": self.max_page_size}]})
        return number


class BoundedPetitionPagination(StrictPageNumberPagination):
    """Petitions are counted only up to COUNT_LIMIT (petitions.pagination), a search's
    matches up to RANK_LIMIT: ``count`` is at most that, and ``more`` says when more
    match than were counted, as the list pages do. A million rows are never counted
    to serve one page."""

    django_paginator_class = BoundedPaginator

    def make_paginator(self, queryset, request, view):
        # The filter backend (api.filtering) sets these on a search.
        counted = getattr(view, "counted", None)
        return self.django_paginator_class(
            queryset,
            self.get_page_size(request),
            counted=counted,
            limit=getattr(view, "count_limit", None),
            # Counts are kept per record version: a client paging through a list
            # has it counted once.
            version=current_version() if counted is None else None,
        )

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["more"] = self.page.paginator.more
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["count"]["description"] = (
            f"How many petitions match, counted up to {COUNT_LIMIT:,} "
            f"(a search's matches, with `q`: up to {RANK_LIMIT:,})."
        )
        schema["properties"]["more"] = {
            "type": "boolean",
            "description": "Whether more match than were counted (pages stop there).",
        }
        schema["required"] = [*schema.get("required", []), "more"]
        return schema
