"""One number that goes up whenever anything in the public record changes."""

import datetime

from django.db import connections, models, router
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


VERSION_SQL = f'SELECT "number", "changed_at" FROM "{RecordVersion._meta.db_table}" WHERE "id" = %s'  # noqa: S608


def current_version(using=None):
    """A token naming the record as it stands: (number, time of the last change).

    The time keeps tokens unique even after a restore brings back an older number.
    Read from the primary database, unless ``using`` names another (a replica, to
    learn how far it has replayed: ``ops.replicas``). Every page reads it, the
    cached ones too: in SQL written once, where building the ORM's query took
    three times as long as the database took to answer it.
    """
    alias = using or router.db_for_read(RecordVersion)
    with connections[alias].cursor() as cursor:
        cursor.execute(VERSION_SQL, [ROW])
        row = cursor.fetchone()
    if row is None:
        return "0"
    number, changed_at = row
    if timezone.is_naive(changed_at):  # SQLite keeps UTC, without saying so
        changed_at = changed_at.replace(tzinfo=datetime.UTC)
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
