"""The admin shows the English and French versions of each text side by side."""

from django.conf import settings


def side_by_side(field):
    """One admin form row holding the field in every language: ("lead_in_en", "lead_in_fr")."""
    return tuple(f"{field}_{code}" for code, _ in settings.LANGUAGES)


class SideBySideMedia:
    """Mixed into a ModelAdmin or inline: the stylesheet that lays those rows out."""

    class Media:
        css = {"all": ["petitions/admin-side-by-side.css"]}
