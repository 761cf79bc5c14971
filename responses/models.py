"""The government response tabled in the House for a petition."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from petitions import rules
from petitions.choices import ChoiceLabelsMixin, Status
from petitions.languages import response_heading
from petitions.models import Petition
from petitions.text import CleanTextsMixin


class SignerCapacity(models.TextChoices):
    MINISTER = "minister", _("Minister")
    PARLIAMENTARY_SECRETARY = "parliamentary_secretary", _("Parliamentary Secretary")


# A sessional paper's number as the Journals give it: 8545-421-179-01.
SESSIONAL_PAPER_FORMAT = r"^[0-9]{4}-[0-9]{3}-[0-9]{1,5}(-[0-9]{1,3})?$"


def _blank(field):
    return Q(**{f"{field}__isnull": True}) | Q(**{field: ""})


class GovernmentResponse(ChoiceLabelsMixin, CleanTextsMixin, models.Model):
    """At most one per petition; its due date and lateness are computed, never typed.

    Recorded in full (office, signer, text), as the site shows responses since the
    43rd Parliament, or as tabled under a sessional paper whose text is not on the
    page, as the 42nd Parliament's pages show them.
    """

    petition = models.OneToOneField(
        Petition, on_delete=models.CASCADE, related_name="response", verbose_name=_("petition")
    )
    office = models.CharField(
        _("responding office"),
        max_length=300,
        blank=True,
        help_text=_("As in “Response by the …”: “Minister of Foreign Affairs”."),
    )
    signer_name = models.CharField(
        _("signed by"),
        max_length=300,
        blank=True,
        help_text=_("As published: “The Honourable François-Philippe Champagne”."),
    )
    signer_capacity = models.CharField(
        _("signer's capacity"),
        max_length=30,
        choices=SignerCapacity,
        default=SignerCapacity.MINISTER,
    )
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Paragraphs separated by a blank line. Empty when the response was tabled as a "
            "sessional paper whose text the page does not show."
        ),
    )
    sessional_paper = models.CharField(
        _("Sessional Paper No."),
        max_length=20,
        blank=True,
        help_text=_("As in “(Sessional Paper No. 8545-421-179-01)”, when the page gives it."),
    )
    tabled_on = models.DateField(_("tabled in the House"), db_index=True)

    class Meta:
        ordering = ["-tabled_on", "-id"]
        verbose_name = _("government response")
        verbose_name_plural = _("government responses")
        indexes = [
            # Responses counted per office and days waited (the statistics page)
            # from the index alone, without reading the responses' texts.
            models.Index(
                fields=["petition", "tabled_on", "office_en", "office_fr"],
                name="response_waits_by_office",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(sessional_paper="") | Q(sessional_paper__regex=SESSIONAL_PAPER_FORMAT),
                name="response_sessional_paper_format",
                violation_error_message=_("A Sessional Paper No. reads like 8545-421-179-01."),
            ),
            models.CheckConstraint(
                condition=(_blank("text_en") & _blank("text_fr"))
                | (~(_blank("office_en") & _blank("office_fr")) & ~Q(signer_name="")),
                name="response_text_has_office_and_signer",
                violation_error_message=_(
                    "A response recorded in full names its office and who signed it."
                ),
            ),
        ]

    def __str__(self):
        return str(_("Response to %(number)s") % {"number": self.petition})

    def get_absolute_url(self):
        return self.petition.get_absolute_url() + "#response"

    @property
    def paragraphs(self):
        return paragraphs(self.text)

    @property
    def heading(self):
        """ "Response by the Minister of Foreign Affairs", in the page's language if written."""
        return response_heading(self)

    @property
    def due_on(self):
        return self.petition.response_due_on

    @property
    def is_late(self):
        return rules.is_late(self.petition.presented_on, self.tabled_on)

    @property
    def days_to_respond(self):
        return (self.tabled_on - self.petition.presented_on).days

    @property
    def in_full(self):
        """Whether the response's text is recorded, not only its tabling."""
        return bool(self.text_en or self.text_fr)

    def clean(self):
        errors = {}
        if self.sessional_paper:
            self.sessional_paper = self.sessional_paper.strip()
            if not re.match(SESSIONAL_PAPER_FORMAT, self.sessional_paper):
                errors["sessional_paper"] = _("A Sessional Paper No. reads like 8545-421-179-01.")
        if self.in_full:
            if not (self.office_en or self.office_fr):
                errors["office"] = _("A response recorded in full names its office.")
            if not self.signer_name:
                errors["signer_name"] = _("A response recorded in full names who signed it.")
        petition = self.petition
        if not petition.presented_on:
            errors["tabled_on"] = _("A response is tabled only for a presented petition.")
        elif self.tabled_on and self.tabled_on < petition.presented_on:
            errors["tabled_on"] = _(
                "A response is tabled after the petition is presented (%(date)s)."
            ) % {"date": petition.presented_on.isoformat()}
        elif petition.status and petition.status != Status.RESPONDED:
            errors["__all__"] = _(
                "The petition's status is “%(status)s”: set it to “Government response "
                "tabled” with its response, on the petition's page."
            ) % {"status": petition.get_status_display()}
        if errors:
            raise ValidationError(errors)


def paragraphs(text):
    """Split text into paragraphs at blank lines."""
    return [
        " ".join(p.split("\n")).strip()
        for p in text.replace("\r\n", "\n").split("\n\n")
        if p.strip()
    ]


def refresh_lateness(petitions):
    """Recompute the petitions' stored ``response_late`` (a queryset), in one UPDATE."""
    late = (
        GovernmentResponse.objects.filter(petition=OuterRef("pk"))
        .annotate(late=rules.late_expression(OuterRef("presented_on"), "tabled_on"))
        .values("late")
    )
    return petitions.update(response_late=Subquery(late[:1]))
