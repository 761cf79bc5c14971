"""The clerks' admin: a petition with its clauses, demands, signatures and response."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from responses.admin import GovernmentResponseInline

from .forms import OrderedPartForm, OrderedPartFormSet, PetitionAdminForm
from .models import (
    Demand,
    Keyword,
    Member,
    ParliamentSession,
    Petition,
    SignatureCount,
    Subject,
    WhereasClause,
)
from .numbers import parse_number


@admin.register(ParliamentSession)
class ParliamentSessionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "code", "started_on", "ended_on"]
    search_fields = ["parliament"]


@admin.register(Member)
class MemberAdmin(TranslationAdmin):
    list_display = ["name", "riding", "caucus", "province"]
    list_filter = ["province", "caucus"]
    search_fields = ["name", "riding_en", "riding_fr"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Subject)
class SubjectAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_fr"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Keyword)
class KeywordAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_fr"]
    prepopulated_fields = {"slug": ["name_en"]}


class OrderedPartInline(TranslationTabularInline):
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
    extra = 0


@admin.register(Petition)
class PetitionAdmin(TranslationAdmin):
    form = PetitionAdminForm
    inlines = [WhereasClauseInline, DemandInline, GovernmentResponseInline, SignatureCountInline]
    list_display = ["number_display", "petition_no", "subject", "status", "sponsor", "presented_on"]
    list_select_related = ["subject", "sponsor"]
    list_filter = ["status", "kind", "subject", "session", "initiator_province"]
    search_fields = ["initiator_name", "lead_in_en", "lead_in_fr", "petition_no"]
    autocomplete_fields = ["subject", "keywords", "sponsor", "presenter"]
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
                ]
            },
        ),
        (
            _("Text"),
            {
                "fields": [
                    "addressee_kind",
                    "addressee_name",
                    "clause_style",
                    "lead_in",
                    "demand_style",
                ]
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
                    "presented_on",
                ]
            },
        ),
        (_("Members and signatures"), {"fields": ["sponsor", "presenter", "signatures"]}),
    ]

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
