"""The government response tabled in the House for a petition."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from petitions.languages import response_heading
from petitions.models import Petition


class SignerCapacity(models.TextChoices):
    MINISTER = "minister", _("Minister")
    PARLIAMENTARY_SECRETARY = "parliamentary_secretary", _("Parliamentary Secretary")


class GovernmentResponse(models.Model):
    """At most one per petition; its due date and lateness are computed, never typed."""

    petition = models.OneToOneField(
        Petition, on_delete=models.CASCADE, related_name="response", verbose_name=_("petition")
    )
    office = models.CharField(
        _("responding office"),
        max_length=300,
        help_text=_("As in “Response by the …”: “Minister of Foreign Affairs”."),
    )
    signer_name = models.CharField(
        _("signed by"),
        max_length=300,
        help_text=_("As published: “The Honourable François-Philippe Champagne”."),
    )
    signer_capacity = models.CharField(
        _("signer's capacity"),
        max_length=30,
        choices=SignerCapacity,
        default=SignerCapacity.MINISTER,
    )
    text = models.TextField(_("text"), help_text=_("Paragraphs separated by a blank line."))
    tabled_on = models.DateField(_("tabled in the House"), db_index=True)

    class Meta:
        ordering = ["-tabled_on", "-id"]
        verbose_name = _("government response")
        verbose_name_plural = _("government responses")

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
        due = self.due_on
        return bool(due and self.tabled_on and self.tabled_on > due)

    @property
    def days_to_respond(self):
        return (self.tabled_on - self.petition.presented_on).days

    def clean(self):
        petition = self.petition
        if not petition.presented_on:
            raise ValidationError(
                {"tabled_on": _("A response is tabled only for a presented petition.")}
            )
        if self.tabled_on and self.tabled_on < petition.presented_on:
            raise ValidationError(
                {
                    "tabled_on": _(
                        "A response is tabled after the petition is presented (%(date)s)."
                    )
                    % {"date": petition.presented_on.isoformat()}
                }
            )


def paragraphs(text):
    """Split text into paragraphs at blank lines."""
    return [
        " ".join(p.split("\n")).strip()
        for p in text.replace("\r\n", "\n").split("\n\n")
        if p.strip()
    ]
