"""The fixed vocabularies of a petition record, with the House's labels."""

import functools

from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _


class ChoiceLabelsMixin:
    """For a model: ``get_FOO_display()`` reads a table of its field's labels, made once
    per language.

    Django's own builds a dict of every choice on each call, translating every label
    on the way to hash it: a dozen calls a page cost more than its queries.
    """

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        label = _labels(field, get_language()).get(value)
        return force_str(value, strings_only=True) if label is None else label


@functools.cache
def _labels(field, language):
    """Value -> label, in ``language``, of a field with fixed choices."""
    with override(language):
        return {value: str(label) for value, label in field.flatchoices}


class Province(models.TextChoices):
    AB = "AB", _("Alberta")
    BC = "BC", _("British Columbia")
    MB = "MB", _("Manitoba")
    NB = "NB", _("New Brunswick")
    NL = "NL", _("Newfoundland and Labrador")
    NS = "NS", _("Nova Scotia")
    NT = "NT", _("Northwest Territories")
    NU = "NU", _("Nunavut")
    ON = "ON", _("Ontario")
    PE = "PE", _("Prince Edward Island")
    QC = "QC", _("Quebec")
    SK = "SK", _("Saskatchewan")
    YT = "YT", _("Yukon")


class Kind(models.TextChoices):
    ELECTRONIC = "electronic", _("E-petition")
    PAPER = "paper", _("Paper petition")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


class AddresseeKind(models.TextChoices):
    HOUSE = "house", _("House of Commons")
    GOVERNMENT = "government", _("Government of Canada")
    MINISTER = "minister", _("A Minister")
    MEMBER = "member", _("A Member")
    SEVERAL = "several", _("Several addressees")


class PartStyle(models.TextChoices):
    """How a run of clauses or requests is printed on the page."""

    # Each item after a bullet: e-petitions' "Whereas:" lists and bulleted requests.
    BULLETED = "bulleted", _("Bulleted")
    NUMBERED = "numbered", _("Numbered 1, 2, 3")
    # Each item its own paragraph, as written: "THAT ..." grievances of older paper
    # petitions, or a single inline "WHEREAS ..." sentence.
    PARAGRAPHS = "paragraphs", _("Paragraphs as written")
    # Each item carries its own marker as published: "(i)", "(a)", or numbers that
    # do not run 1, 2, 3.
    MARKED = "marked", _("Marked as published: (a), (i) …")


class Status(models.TextChoices):
    OPEN = "open", _("Open for signature")
    CLOSED = "closed", _("Closed")
    AWAITING_CERTIFICATION = "awaiting_certification", _("Waiting for certification")
    NOT_CERTIFIED = "not_certified", _("Not certified")
    CERTIFIED = "certified", _("Certified")
    PRESENTED = "presented", _("Presented, awaiting government response")
    RESPONDED = "responded", _("Government response tabled")
    CLOSED_DISSOLUTION = "closed_dissolution", _("Closed upon dissolution")
    UNANSWERED_DISSOLUTION = "unanswered_dissolution", _("Not answered before dissolution")


# Statuses of a petition that has been closed for signature but not certified.
CLOSED_STATUSES = [Status.CLOSED, Status.AWAITING_CERTIFICATION, Status.NOT_CERTIFIED]
# Statuses of a petition that has been presented to the House.
PRESENTED_STATUSES = [Status.PRESENTED, Status.RESPONDED, Status.UNANSWERED_DISSOLUTION]
