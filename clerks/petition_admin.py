"""The clerks' admin: a petition with its clauses, demands, signatures and response."""

import re

from django.contrib import admin
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from petitions.models import (
    Demand,
    Keyword,
    Member,
    ParliamentSession,
    Petition,
    SignatureCount,
    Subject,
    WhereasClause,
)
from petitions.numbers import parse_number

from .accessibility import AccessibleFormMixin, LabelledInlineFormSet
from .admin import PetitionHistoryAdminMixin
from .admin_layout import EitherLanguageMixin, SideBySideMedia, side_by_side
from .forms import (
    OrderedPartForm,
    OrderedPartFormSet,
    PetitionAdminForm,
    TranslatedModelForm,
)
from .response_admin import GovernmentResponseInline


@admin.register(ParliamentSession)
class ParliamentSessionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "code", "started_on", "ended_on"]
    search_fields = ["parliament"]

    def get_search_results(self, request, queryset, search_term):
        """ "44", "44-1", "441" or "44th" finds the sessions, as clerks type them."""
        digits = re.findall(r"\d+", search_term)
        if len(digits) == 1 and len(digits[0]) == 3:
            digits = [digits[0][:2], digits[0][2]]
        if 1 <= len(digits) <= 2:
            queryset = queryset.filter(parliament=int(digits[0]))
            if len(digits) == 2:
                queryset = queryset.filter(number=int(digits[1]))
            return queryset, False
        return super().get_search_results(request, queryset, search_term)


@admin.register(Member)
class MemberAdmin(EitherLanguageMixin, SideBySideMedia, TranslationAdmin):
    form = TranslatedModelForm
    fields = ["name", "slug", side_by_side("riding"), "province", side_by_side("caucus"), "photo"]
    list_display = ["name", "riding", "caucus", "province"]
    list_filter = ["province", "caucus"]
    search_fields = ["name", "riding_en", "riding_fr"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Subject)
class SubjectAdmin(EitherLanguageMixin, SideBySideMedia, TranslationAdmin):
    form = TranslatedModelForm
    fields = [side_by_side("name"), "slug"]
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_fr"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Keyword)
class KeywordAdmin(EitherLanguageMixin, SideBySideMedia, TranslationAdmin):
    form = TranslatedModelForm
    fields = [side_by_side("name"), "slug"]
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_fr"]
    prepopulated_fields = {"slug": ["name_en"]}


class OrderedPartInline(EitherLanguageMixin, TranslationTabularInline):
    form = OrderedPartForm
    formset = OrderedPartFormSet
    fields = ["position", "text"]
    extra = 3


class WhereasClauseInline(OrderedPartInline):
    model = WhereasClause


class DemandInline(OrderedPartInline):
    model = Demand


class SignatureCountInline(admin.TabularInline):
    model = SignatureCount
    formset = LabelledInlineFormSet
    extra = 0


class NeedsActionFilter(admin.SimpleListFilter):
    """The clerks' work lists: what waits on them, soonest due first."""

    title = _("needs action")
    parameter_name = "action"
    # Responses due within this many days are "due soon".
    DUE_SOON_DAYS = 7

    def lookups(self, request, model_admin):
        return [
            ("certification", _("Waiting for certification")),
            ("presentation", _("Certified, not presented")),
            ("due_soon", _("Response due within 7 days")),
            ("overdue", _("Response overdue")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "certification":
                return queryset.awaiting_certification()
            case "presentation":
                return queryset.certified_not_presented()
            case "due_soon":
                return queryset.response_due_within(self.DUE_SOON_DAYS)
            case "overdue":
                return queryset.response_overdue()
        return queryset


@admin.register(Petition)
class PetitionAdmin(
    PetitionHistoryAdminMixin,
    AccessibleFormMixin,
    EitherLanguageMixin,
    SideBySideMedia,
    TranslationAdmin,
):
    form = PetitionAdminForm
    inlines = [WhereasClauseInline, DemandInline, GovernmentResponseInline, SignatureCountInline]
    list_display = [
        "number_display",
        "petition_no",
        "subject",
        "status",
        "sponsor",
        "presented_on",
        "response_due",
    ]
    list_select_related = ["subject", "sponsor"]
    list_filter = [NeedsActionFilter, "status", "kind", "subject", "session", "initiator_province"]
    readonly_fields = ["response_due"]
    search_fields = ["initiator_name", "lead_in_en", "lead_in_fr", "petition_no"]
    autocomplete_fields = ["session", "subject", "keywords", "sponsor", "presenter"]
    date_hierarchy = "presented_on"
    fieldsets = [
        (
            _("Numbers and status"),
            {"fields": ["kind", "e_number", "petition_no", "session", "status"]},
        ),
        (_("Subject"), {"fields": ["subject", "keywords"]}),
        (
            _("Initiator"),
            {
                "fields": [
                    "initiator_name",
                    "initiator_city",
                    "initiator_province",
                    "original_language",
                    side_by_side("original_language_label"),
                ]
            },
        ),
        (
            _("Text, in the order the page prints it"),
            {
                "description": _(
                    "The addressee line, an introduction to the grievances, the grievances "
                    "(below), the prayer, its requests (below), then closing paragraphs."
                ),
                "fields": [
                    "addressee_kind",
                    side_by_side("addressee_name"),
                    side_by_side("addressee_line"),
                    side_by_side("grievance_intro"),
                    "clause_style",
                    side_by_side("lead_in"),
                    "demand_style",
                    side_by_side("closing"),
                ],
            },
        ),
        (
            _("History"),
            {
                "fields": [
                    "opened_at",
                    "scheduled_close_at",
                    "closed_at",
                    "certified_on",
                    ("presented_on", "response_due"),
                ]
            },
        ),
        (
            _("Members and signatures"),
            {"fields": ["sponsor", "presenter", "signatures", "made_up"]},
        ),
    ]

    @admin.display(description=_("response due"))
    def response_due(self, petition):
        """Presentation + 45 days; "overdue" while the response has not been tabled."""
        due = petition.response_due_on
        if due is None:
            return "—"
        if petition.is_overdue:
            return _("%(date)s (overdue)") % {"date": date_format(due)}
        return date_format(due)

    @admin.display(description=_("number"), ordering="e_number")
    def number_display(self, petition):
        return petition.number

    def get_search_results(self, request, queryset, search_term):
        """A number typed loosely ("e2829", "43200158") finds its petition."""
        number = parse_number(search_term)
        if number is not None:
            if number.e_number:
                return queryset.filter(e_number=number.e_number), False
            return queryset.filter(petition_no=number.petition_no), False
        return super().get_search_results(request, queryset, search_term)
