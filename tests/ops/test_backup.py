"""An operator backs up the record and restores it after a disaster."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from petitions.models import Petition


def every_row():
    """Every row of every model's table, whichever apps are installed."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models()
    }


def test_operator_restores_every_record_exactly_as_backed_up(client, transactional_db, tmp_path):
    call_command("load_sample_records", verbosity=0)
    get_user_model().objects.create_superuser("clerk", "clerk@example.org", "pw")
    before = every_row()
    assert len(before["petitions.WhereasClause"]) >= 4
    assert len(before["responses.GovernmentResponse"]) >= 2
    page = client.get("/en/petitions/e-2829/").content

    backup = tmp_path / "record.backup"
    call_command("backup_database", str(backup), stdout=StringIO())
    assert backup.stat().st_size > 0

    call_command("flush", interactive=False, verbosity=0)
    assert not Petition.objects.exists()

    call_command("restore_database", str(backup), "--noinput", stdout=StringIO())
    after = every_row()
    # The restore marks the record as changed, so no page cached before it is served.
    version_before = before.pop("pagecache.RecordVersion")[0]
    version_after = after.pop("pagecache.RecordVersion")[0]
    assert version_after["number"] == version_before["number"] + 1
    assert after == before
    assert client.get("/en/petitions/e-2829/").content == page


def test_restore_refuses_a_file_that_is_not_a_backup(transactional_db, tmp_path):
    call_command("load_sample_records", verbosity=0)
    before = every_row()
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(CommandError):
        call_command("restore_database", str(junk), "--noinput")
    assert every_row() == before


def test_restore_asks_before_replacing_the_record(transactional_db, tmp_path, monkeypatch):
    call_command("load_sample_records", verbosity=0)
    backup = tmp_path / "record.backup"
    call_command("backup_database", str(backup), stdout=StringIO())
    call_command("flush", interactive=False, verbosity=0)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore_database", str(backup))
    assert not Petition.objects.exists()
