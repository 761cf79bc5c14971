"""Texts kept in both official languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import GovernmentResponse


@register(GovernmentResponse)
class GovernmentResponseTranslation(TranslationOptions):
    fields = ("office", "text")
