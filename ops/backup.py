"""Whole-database backups: pg_dump/pg_restore on PostgreSQL, SQLite's backup API on SQLite."""

import os
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections


def default_path(alias=DEFAULT_DB_ALIAS):
    connection = connections[alias]
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    suffix = "dump" if connection.vendor == "postgresql" else "sqlite3"
    return Path(settings.BASE_DIR) / "backups" / f"{connection.vendor}-{stamp}.{suffix}"


def back_up(path, alias=DEFAULT_DB_ALIAS):
    """Write the database to `path`; a failure leaves no file that looks like a backup."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    connection = connections[alias]
    try:
        if connection.vendor == "postgresql":
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={partial}",
                ],
                connection,
            )
        elif connection.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(partial) as target:
                connection.connection.backup(target)
            target.close()
        else:
            raise CommandError(f"No backup method for {connection.vendor}.")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
    return path


def restore(path, alias=DEFAULT_DB_ALIAS):
    """Replace every table in the database with the backup's, all at once or not at all."""
    path = Path(path)
    if not path.is_file():
        raise CommandError(f"No backup at {path}.")
    connection = connections[alias]
    if connection.vendor == "postgresql":
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(path),
            ],
            connection,
        )
    elif connection.vendor == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if source.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise CommandError(f"{path} is not an intact SQLite database.")
            connection.ensure_connection()
            source.backup(connection.connection)
        except sqlite3.DatabaseError as error:
            raise CommandError(f"{path} cannot be restored: {error}") from error
        finally:
            source.close()
    else:
        raise CommandError(f"No restore method for {connection.vendor}.")


def _run(command, connection):
    """Run a PostgreSQL client with the connection's settings in its environment."""
    params = connection.settings_dict
    env = {**os.environ, "PGDATABASE": params["NAME"]}
    for variable, key in [
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
    ]:
        if params.get(key):
            env[variable] = str(params[key])
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed: {result.stderr.strip()}")
