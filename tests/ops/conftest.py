import socket

import pytest
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connections


@pytest.fixture
def clerk_client(client, db):
    user = get_user_model().objects.create_superuser("clerk", "clerk@example.org", "pw")
    client.force_login(user)
    return client


class UnreachableDatabase:
    """The default connection pointed at a database that does not answer.

    PostgreSQL: a closed port on loopback, so every connection really fails (the
    shared server itself is left alone). SQLite: a file in a folder that does not
    exist. `restore()` points it back, as when the server returns; `cut()` points it
    away again.
    """

    def __init__(self, tmp_path):
        self.original = connections[DEFAULT_DB_ALIAS]
        self.connection = self.original.copy()
        self.reachable = dict(self.connection.settings_dict)
        if self.connection.vendor == "sqlite":
            self.unreachable = {"NAME": str(tmp_path / "missing" / "db.sqlite3")}
        else:
            self.unreachable = {"HOST": "127.0.0.1", "PORT": str(closed_port())}
        connections[DEFAULT_DB_ALIAS] = self.connection
        self.cut()

    def cut(self):
        if self.connection.connection is not None:
            self.connection.connection.close()
            self.connection.connection = None
        self.connection.settings_dict.update(self.unreachable)

    def restore(self):
        self.connection.settings_dict.update(self.reachable)

    def close(self):
        if self.connection.connection is not None:
            self.connection.connection.close()
        connections[DEFAULT_DB_ALIAS] = self.original


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def unreachable_database(transactional_db, tmp_path):
    """Committed data (transactional_db) so the second connection can read it on return."""
    database = UnreachableDatabase(tmp_path)
    yield database
    database.close()
