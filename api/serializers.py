"""The API's JSON shapes. Field names are part of the published contract: add, never rename.

Texts kept in both official languages are objects ``{"en": ..., "fr": ...}``, with
``null`` for a language the record does not have. ``*_label`` fields are the House's
wording in the language of the request (``Accept-Language``).
"""

import datetime

from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers
from rest_framework.reverse import reverse

from petitions.models import Member, ParliamentSession, Petition, Subject
from petitions.numbers import format_e_number
from responses.models import paragraphs

LANGUAGES = ("en", "fr")

BILINGUAL_SCHEMA = inline_serializer(
    "BilingualText",
    {
        "en": serializers.CharField(allow_null=True),
        "fr": serializers.CharField(allow_null=True),
    },
)


@extend_schema_field(BILINGUAL_SCHEMA)
class BilingualField(serializers.Field):
    """A translated model field as ``{"en": ..., "fr": ...}``; empty texts are ``null``."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return {lang: getattr(instance, f"{self.source}_{lang}") or None for lang in LANGUAGES}

    def to_representation(self, value):
        return value


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(serializers.Field):
    """The absolute URL of an object's public page."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        url = value.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class ChoiceLabelField(serializers.CharField):
    """The label of a field's value, in the request's language: ``source`` names the field.

    Asked for by name, ``get_FOO_display`` would have DRF inspect the method's
    signature on every object, which costs more than the label.
    """

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return getattr(instance, f"get_{self.source}_display")()


class SubjectRefSerializer(serializers.ModelSerializer):
    name = BilingualField()
    url = PageURLField()

    class Meta:
        model = Subject
        fields = ["slug", "name", "url"]


class MemberRefSerializer(serializers.ModelSerializer):
    url = PageURLField()

    class Meta:
        model = Member
        fields = ["slug", "name", "url"]


class SessionRefSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True, help_text="Prefix of its Petition Nos.: 432.")

    class Meta:
        model = ParliamentSession
        fields = ["code", "parliament", "number"]


class PetitionNumbersMixin(serializers.Serializer):
    number = serializers.CharField(
        read_only=True, help_text="The number it is known by: its e-number, else its Petition No."
    )
    e_number = serializers.SerializerMethodField(help_text="e-2829; null for a paper petition.")
    petition_no = serializers.CharField(
        read_only=True, allow_null=True, help_text="432-00158; null until presented."
    )
    kind_label = ChoiceLabelField(source="kind")
    status_label = ChoiceLabelField(source="status")
    url = PageURLField(help_text="The petition's page on this site.")
    api_url = serializers.SerializerMethodField()

    def get_e_number(self, petition) -> str | None:
        return format_e_number(petition.e_number) if petition.e_number else None

    def get_api_url(self, petition) -> str:
        return reverse(
            "api:petition-detail", args=[petition.number], request=self.context.get("request")
        )


class ResponseDatesMixin(serializers.Serializer):
    response_due_on = serializers.DateField(
        read_only=True, allow_null=True, help_text="Presented + 45 days; null until presented."
    )
    overdue = serializers.BooleanField(
        source="is_overdue",
        read_only=True,
        help_text="Presented more than 45 days ago and still without a response.",
    )


class PetitionSummarySerializer(
    PetitionNumbersMixin, ResponseDatesMixin, serializers.ModelSerializer
):
    """One petition in a list: enough to choose which to read in full."""

    subject = SubjectRefSerializer(read_only=True)
    session = SessionRefSerializer(read_only=True)
    sponsor = MemberRefSerializer(read_only=True, allow_null=True)
    response_tabled_on = serializers.SerializerMethodField()
    response_late = serializers.SerializerMethodField()

    class Meta:
        model = Petition
        fields = [
            "number",
            "e_number",
            "petition_no",
            "kind",
            "kind_label",
            "status",
            "status_label",
            "subject",
            "session",
            "sponsor",
            "signatures",
            "opened_at",
            "closed_at",
            "presented_on",
            "response_due_on",
            "response_tabled_on",
            "response_late",
            "overdue",
            "url",
            "api_url",
        ]

    def get_response_tabled_on(self, petition) -> datetime.date | None:
        return petition.response.tabled_on if petition.has_response else None

    def get_response_late(self, petition) -> bool | None:
        """Null without a response."""
        return petition.response_late


class PartSerializer(serializers.Serializer):
    position = serializers.IntegerField(read_only=True)
    text = BilingualField()


class SignatureCountSerializer(serializers.Serializer):
    province = serializers.CharField(read_only=True)
    province_label = ChoiceLabelField(source="province")
    count = serializers.IntegerField(read_only=True)


class InitiatorSerializer(serializers.Serializer):
    name = serializers.CharField(source="initiator_name", read_only=True)
    city = serializers.CharField(source="initiator_city", read_only=True)
    province = serializers.CharField(source="initiator_province", read_only=True)


class AddresseeSerializer(serializers.Serializer):
    kind = serializers.CharField(source="addressee_kind", read_only=True)
    label = serializers.CharField(
        source="addressee", read_only=True, help_text="Who it is addressed to, as the page says."
    )
    name = BilingualField(source="addressee_name")
    line = serializers.SerializerMethodField(
        help_text="The addressee line as each language's page prints it."
    )

    @extend_schema_field(BILINGUAL_SCHEMA)
    def get_line(self, petition):
        lines = {}
        for lang in LANGUAGES:
            with translation.override(lang):
                heading = petition.addressee_heading
            lines[lang] = heading.text if heading.lang == lang else None
        return lines


class GovernmentResponseSerializer(serializers.Serializer):
    in_full = serializers.BooleanField(
        read_only=True,
        help_text="Whether the text is recorded; false for a response tabled as a sessional "
        "paper whose text the page does not show.",
    )
    sessional_paper = serializers.CharField(
        read_only=True, help_text="Sessional Paper No., 8545-421-179-01; empty when not given."
    )
    office = BilingualField()
    signer_name = serializers.CharField(read_only=True)
    signer_capacity = serializers.CharField(read_only=True)
    signer_capacity_label = ChoiceLabelField(source="signer_capacity")
    paragraphs = serializers.SerializerMethodField()
    tabled_on = serializers.DateField(read_only=True)
    due_on = serializers.DateField(read_only=True)
    late = serializers.BooleanField(source="petition.response_late", read_only=True)
    days_to_respond = serializers.IntegerField(read_only=True)

    @extend_schema_field(
        inline_serializer(
            "ResponseParagraphs",
            {
                "en": serializers.ListField(child=serializers.CharField()),
                "fr": serializers.ListField(child=serializers.CharField()),
            },
        )
    )
    def get_paragraphs(self, response):
        """The text split at blank lines, in order; an empty list for a missing language."""
        return {lang: paragraphs(getattr(response, f"text_{lang}") or "") for lang in LANGUAGES}


class PetitionSerializer(PetitionSummarySerializer):
    """The whole record of a petition."""

    keywords = serializers.SerializerMethodField()
    initiator = serializers.SerializerMethodField()
    addressee = AddresseeSerializer(source="*", read_only=True)
    original_language_label = BilingualField(
        help_text='The language\'s name where a page prints it otherwise ("English" on some '
        "French pages)."
    )
    grievance_intro = BilingualField(
        help_text='The line(s) before the grievances: "Whereas:", "WHEREAS:", …'
    )
    whereas = PartSerializer(source="clauses", many=True, read_only=True)
    lead_in = BilingualField(
        help_text="The prayer; paragraphs separated by a blank line; a single request in full."
    )
    demands = PartSerializer(many=True, read_only=True)
    closing = BilingualField(
        help_text="Paragraphs printed after the prayer, separated by a blank line."
    )
    presenter = MemberRefSerializer(read_only=True, allow_null=True)
    signatures_by_province = SignatureCountSerializer(
        source="signature_counts", many=True, read_only=True
    )
    response = serializers.SerializerMethodField()

    class Meta(PetitionSummarySerializer.Meta):
        fields = [
            "number",
            "e_number",
            "petition_no",
            "kind",
            "kind_label",
            "status",
            "status_label",
            "subject",
            "keywords",
            "session",
            "initiator",
            "original_language",
            "original_language_label",
            "addressee",
            "grievance_intro",
            "clause_style",
            "whereas",
            "lead_in",
            "demand_style",
            "demands",
            "closing",
            "made_up",
            "sponsor",
            "presenter",
            "opened_at",
            "scheduled_close_at",
            "closed_at",
            "certified_on",
            "presented_on",
            "response_due_on",
            "response_tabled_on",
            "response_late",
            "overdue",
            "signatures",
            "signatures_by_province",
            "response",
            "url",
            "api_url",
        ]

    @extend_schema_field(
        inline_serializer(
            "Keyword", {"slug": serializers.SlugField(), "name": BilingualField()}, many=True
        )
    )
    def get_keywords(self, petition):
        return [
            {
                "slug": k.slug,
                "name": {lang: getattr(k, f"name_{lang}") or None for lang in LANGUAGES},
            }
            for k in petition.keywords.all()
        ]

    @extend_schema_field(InitiatorSerializer(allow_null=True))
    def get_initiator(self, petition):
        """Null for a paper petition, which names no initiator."""
        return InitiatorSerializer(petition).data if petition.initiator_name else None

    @extend_schema_field(GovernmentResponseSerializer(allow_null=True))
    def get_response(self, petition):
        return (
            GovernmentResponseSerializer(petition.response).data if petition.has_response else None
        )


class CountedSubjectSerializer(SubjectRefSerializer):
    petition_count = serializers.IntegerField(read_only=True)

    class Meta(SubjectRefSerializer.Meta):
        fields = [*SubjectRefSerializer.Meta.fields, "petition_count"]


class CountedMemberSerializer(serializers.ModelSerializer):
    riding = BilingualField()
    caucus = BilingualField()
    province_label = ChoiceLabelField(source="province")
    url = PageURLField()
    petition_count = serializers.IntegerField(read_only=True, help_text="Petitions sponsored.")
    responded_count = serializers.IntegerField(
        read_only=True, help_text="Petitions sponsored that have a government response."
    )

    class Meta:
        model = Member
        fields = [
            "slug",
            "name",
            "riding",
            "province",
            "province_label",
            "caucus",
            "url",
            "petition_count",
            "responded_count",
        ]


class CountedSessionSerializer(SessionRefSerializer):
    name = serializers.CharField(source="__str__", read_only=True)
    url = PageURLField()
    petition_count = serializers.IntegerField(read_only=True)

    class Meta(SessionRefSerializer.Meta):
        fields = [
            *SessionRefSerializer.Meta.fields,
            "name",
            "started_on",
            "ended_on",
            "url",
            "petition_count",
        ]
