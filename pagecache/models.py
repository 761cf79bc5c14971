"""One number that goes up whenever anything in the public record changes."""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ROW = 1


class RecordVersion(models.Model):
    number = models.PositiveBigIntegerField(_("number"), default=0)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("record version")
        verbose_name_plural = _("record versions")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=ROW), name="record_version_single_row")
        ]

    def __str__(self):
        return f"{self.number} ({self.changed_at.isoformat()})"


def current_version(using=None):
    """A token naming the record as it stands: (number, time of the last change).

    The time keeps tokens unique even after a restore brings back an older number.
    Read from the primary database, unless ``using`` names another (a replica, to
    learn how far it has replayed: ``ops.replicas``).
    """
    rows = RecordVersion.objects.using(using) if using else RecordVersion.objects
    row = rows.filter(pk=ROW).values_list("number", "changed_at").first()
    if row is None:
        return "0"
    number, changed_at = row
    return f"{number}.{int(changed_at.timestamp() * 1_000_000)}"


def changed_at(version):
    """When the record took ``version`` (a token of ``current_version``): seconds since
    the epoch, or None for a record never changed."""
    _, _, micros = version.partition(".")
    return int(micros) / 1_000_000 if micros else None


def bump():
    """Mark the record as changed; inside a transaction, readers see it at commit."""
    changed = RecordVersion.objects.filter(pk=ROW).update(
        number=F("number") + 1, changed_at=timezone.now()
    )
    if not changed:
        RecordVersion.objects.get_or_create(pk=ROW, defaults={"number": 1})
