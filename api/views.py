"""The read-only open-data API: petitions (JSON or CSV), Members, subjects, sessions."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from petitions.choices import Status
from petitions.filters import MAX_QUERY_LENGTH, PetitionFilter, Sort
from petitions.models import Member, ParliamentSession, Petition, Subject
from petitions.numbers import parse_number
from petitions.page_record import petition_for_page

from .exports import petitions_csv_response
from .filtering import PetitionFilterBackend
from .pagination import BoundedPetitionPagination, StrictPageNumberPagination
from .serializers import (
    CountedMemberSerializer,
    CountedSessionSerializer,
    CountedSubjectSerializer,
    PetitionSerializer,
    PetitionSummarySerializer,
)
from .throttling import admit_export

ERROR = inline_serializer("Error", {"detail": serializers.CharField()})
INVALID_PARAMETERS = inline_serializer(
    "InvalidParameters",
    {"parameter": serializers.ListField(child=serializers.CharField())},
)
THROTTLED = OpenApiResponse(
    ERROR, description="Too many requests: wait the seconds given in Retry-After."
)
UNAVAILABLE = OpenApiResponse(
    ERROR,
    description="The database cannot be reached just now: wait the seconds given in Retry-After.",
)
BAD_PARAMETER = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="A parameter has a bad value: each bad parameter's name with its messages, "
    'as in {"status": ["Select a valid choice."]}.',
)


class CSVRenderer(BaseRenderer):
    """Declares ``format=csv``; the list view streams the CSV itself, and errors are JSON."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        raise NotImplementedError("PetitionListView streams its CSV itself.")


def list_responses(serializer):
    return {
        (200, "application/json"): serializer,
        400: BAD_PARAMETER,
        404: OpenApiResponse(ERROR, description="A page past the last."),
        429: THROTTLED,
        503: UNAVAILABLE,
    }


@extend_schema_view(
    get=extend_schema(
        summary="Petitions",
        description="Petitions matching the filters, newest first unless `sort` says "
        "otherwise, a page at a time. With `format=csv`, the whole list as CSV (not paged): "
        "one row per petition; text cells that would read as a spreadsheet formula start "
        "with an apostrophe.",
        parameters=[
            OpenApiParameter(
                "q",
                # No NUL byte, which no text field accepts (a 400): so a request the
                # schema calls valid is one the API accepts.
                {"type": "string", "maxLength": MAX_QUERY_LENGTH, "pattern": "^[^\\u0000]*$"},
                description="A petition number or words to search, at most "
                f"{MAX_QUERY_LENGTH} characters; no NUL character.",
            ),
            OpenApiParameter(
                "sort",
                str,
                enum=[value for value, _ in Sort.choices],
                description="The order: `relevance` (the default when searching words, on "
                "PostgreSQL), `newest` (the default), `oldest`, `most_signatures`, "
                "`fewest_signatures`, `member` (the sponsoring Member's name).",
            ),
            OpenApiParameter(
                "format",
                str,
                enum=["json", "csv"],
                description="`csv` for the whole list as CSV.",
            ),
        ],
        responses={
            **list_responses(PetitionSummarySerializer(many=True)),
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="CSV, UTF-8."),
        },
    )
)
class PetitionListView(generics.ListAPIView):
    serializer_class = PetitionSummarySerializer
    # The one place the petition filters are named (search, facets, ordering).
    filterset_class = PetitionFilter
    filter_backends = [PetitionFilterBackend]
    pagination_class = BoundedPetitionPagination
    renderer_classes = [JSONRenderer, CSVRenderer]

    def get_queryset(self):
        return Petition.objects.with_list_relations().newest_first()

    def finalize_response(self, request, response, *args, **kwargs):
        # Only the list itself is CSV, streamed by list(); an error or an OPTIONS
        # answer is JSON, even to a CSV request.
        if isinstance(response, Response) and self._wants_csv(request):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def _wants_csv(self, request):
        renderer = getattr(request, "accepted_renderer", None)
        return renderer is not None and renderer.format == "csv"

    def list(self, request, *args, **kwargs):
        if self._wants_csv(request):
            self.paginator.check_parameters(request)
            queryset = self.filter_queryset(self.get_queryset())
            slots = admit_export(request)
            try:
                return petitions_csv_response(queryset, request, slots=slots)
            except BaseException:
                for slot in slots:
                    slot.give_back()
                raise
        return super().list(request, *args, **kwargs)


@extend_schema_view(
    get=extend_schema(
        summary="A petition",
        description="The whole record of a petition, by its e-number (e-2829) or its "
        "Petition No. (432-00158), typed loosely (E2829, 2829, 43200158).",
        responses={
            200: PetitionSerializer,
            404: OpenApiResponse(ERROR, description="No petition has that number."),
            429: THROTTLED,
            503: UNAVAILABLE,
        },
    )
)
class PetitionDetailView(generics.RetrieveAPIView):
    serializer_class = PetitionSerializer
    queryset = Petition.objects.with_page_relations()
    filter_backends = []

    def get_object(self):
        number = self.kwargs["number"]
        petition = petition_for_page(parse_number(number))
        if petition is None:
            raise NotFound(_("No petition has the number %(number)s.") % {"number": number})
        return petition


class CountedListView(generics.ListAPIView):
    pagination_class = StrictPageNumberPagination
    filter_backends = []


@extend_schema_view(
    get=extend_schema(
        summary="Members",
        description="Members of Parliament who sponsor or present petitions, by name, "
        "with the number of petitions each sponsored and how many of them were answered.",
        responses=list_responses(CountedMemberSerializer(many=True)),
    )
)
class MemberListView(CountedListView):
    serializer_class = CountedMemberSerializer
    # Both counts over one join of the Member's sponsored petitions.
    queryset = Member.objects.annotate(
        petition_count=Count("sponsored_petitions"),
        responded_count=Count(
            "sponsored_petitions", filter=Q(sponsored_petitions__status=Status.RESPONDED)
        ),
    ).order_by("name", "id")


@extend_schema_view(
    get=extend_schema(
        summary="Subjects",
        description="The subjects petitions are filed under, with their petition counts.",
        responses=list_responses(CountedSubjectSerializer(many=True)),
    )
)
class SubjectListView(CountedListView):
    serializer_class = CountedSubjectSerializer
    queryset = Subject.objects.annotate(petition_count=Count("petitions")).order_by("name", "id")


@extend_schema_view(
    get=extend_schema(
        summary="Parliament sessions",
        description="Sessions, most recent first, with the number of petitions of each.",
        responses=list_responses(CountedSessionSerializer(many=True)),
    )
)
class SessionListView(CountedListView):
    serializer_class = CountedSessionSerializer
    queryset = ParliamentSession.objects.annotate(petition_count=Count("petitions")).order_by(
        "-parliament", "-number"
    )
