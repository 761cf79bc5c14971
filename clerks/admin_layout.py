"""The admin shows the English and French versions of each text side by side."""

from django.conf import settings


def side_by_side(field):
    """One admin form row holding the field in every language: ("lead_in_en", "lead_in_fr")."""
    return tuple(f"{field}_{code}" for code, _ in settings.LANGUAGES)


class SideBySideMedia:
    """Mixed into a ModelAdmin or inline: the stylesheet that lays those rows out."""

    class Media:
        css = {"all": ["petitions/admin-side-by-side.css"]}


class EitherLanguageMixin:
    """Mixed into a translated ModelAdmin or inline: a text the model requires may be
    written in English or in French (modeltranslation would require English), since a
    petition first published in French has no English text yet; the model's clean()
    asks for one of the two.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and getattr(db_field, "translated_field", None) is not None:
            field.required = False
        return field
