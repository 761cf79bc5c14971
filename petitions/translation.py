"""Texts kept in both official languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Demand, Keyword, Member, Petition, Subject, WhereasClause


@register(Subject)
class SubjectTranslation(TranslationOptions):
    fields = ("name",)


@register(Keyword)
class KeywordTranslation(TranslationOptions):
    fields = ("name",)


@register(Member)
class MemberTranslation(TranslationOptions):
    fields = ("riding", "caucus")


@register(Petition)
class PetitionTranslation(TranslationOptions):
    fields = (
        "original_language_label",
        "addressee_name",
        "addressee_line",
        "grievance_intro",
        "lead_in",
        "closing",
    )


@register(WhereasClause)
class WhereasClauseTranslation(TranslationOptions):
    fields = ("text",)


@register(Demand)
class DemandTranslation(TranslationOptions):
    fields = ("text",)
