"""A cache shared by every server process of one machine: one small SQLite file.

Rate limits count here. Django's local-memory cache is per process, so gunicorn's N
workers would each allow the whole limit; the database is the one thing that may be
down, and a query per page would be a query too many. A SQLite file on local disk is
shared by the processes, needs no server, and makes ``incr`` atomic (the counters'
one requirement). Nothing kept here needs to survive a crash, so writes are not
synced to disk.

Whole numbers are stored as such (``incr`` adds in place); other values pickled.
``LOCATION`` is the file's path; the folder must exist and be writable.
"""

import os
import pickle
import sqlite3
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

SCHEMA = """
CREATE TABLE IF NOT EXISTS cache (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL,
    expires REAL
) WITHOUT ROWID
"""
# Expired rows are swept after this many writes by one process.
SWEEP_EVERY = 1000


class SharedFileCache(BaseCache):
    pickle_protocol = pickle.HIGHEST_PROTOCOL

    def __init__(self, location, params):
        super().__init__(params)
        self.path = str(location)
        self._connection = None
        self._pid = None
        self._writes = 0

    # --- the file -----------------------------------------------------------

    def _db(self):
        # A connection is not carried across a fork (gunicorn's workers).
        if self._connection is None or self._pid != os.getpid():
            connection = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=OFF")
            connection.execute(SCHEMA)
            self._connection, self._pid = connection, os.getpid()
        return self._connection

    def _write(self, sql, params):
        db = self._db()
        result = db.execute(sql, params).fetchall()
        self._writes += 1
        if self._writes % SWEEP_EVERY == 0:
            db.execute("DELETE FROM cache WHERE expires <= ?", (time.time(),))
        return result

    def _expiry(self, timeout):
        return self.get_backend_timeout(timeout)  # an absolute time, or None (forever)

    def _dump(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return pickle.dumps(value, self.pickle_protocol)

    @staticmethod
    def _load(stored):
        return stored if isinstance(stored, int) else pickle.loads(stored)

    # --- the cache API ------------------------------------------------------

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        row = (
            self._db()
            .execute(
                "SELECT value FROM cache WHERE key = ? AND (expires IS NULL OR expires > ?)",
                (key, time.time()),
            )
            .fetchone()
        )
        return default if row is None else self._load(row[0])

    def get_many(self, keys, version=None):
        names = {self.make_and_validate_key(key, version=version): key for key in keys}
        if not names:
            return {}
        marks = ", ".join("?" * len(names))
        rows = (
            self._db()
            .execute(
                f"SELECT key, value FROM cache WHERE key IN ({marks}) "
                "AND (expires IS NULL OR expires > ?)",
                (*names, time.time()),
            )
            .fetchall()
        )
        return {names[key]: self._load(value) for key, value in rows}

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        self._write(
            "INSERT INTO cache (key, value, expires) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires",
            (key, self._dump(value), self._expiry(timeout)),
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        added = self._write(
            "INSERT INTO cache (key, value, expires) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires "
            "WHERE cache.expires IS NOT NULL AND cache.expires <= ? RETURNING 1",
            (key, self._dump(value), self._expiry(timeout), time.time()),
        )
        return bool(added)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        touched = self._write(
            "UPDATE cache SET expires = ? WHERE key = ? AND (expires IS NULL OR expires > ?) "
            "RETURNING 1",
            (self._expiry(timeout), key, time.time()),
        )
        return bool(touched)

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        row = self._write(
            "UPDATE cache SET value = value + ? WHERE key = ? AND typeof(value) = 'integer' "
            "AND (expires IS NULL OR expires > ?) RETURNING value",
            (delta, key, time.time()),
        )
        if not row:
            raise ValueError(f"Key '{key}' not found")
        return row[0][0]

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return bool(self._write("DELETE FROM cache WHERE key = ? RETURNING 1", (key,)))

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        row = (
            self._db()
            .execute(
                "SELECT 1 FROM cache WHERE key = ? AND (expires IS NULL OR expires > ?)",
                (key, time.time()),
            )
            .fetchone()
        )
        return row is not None

    def clear(self):
        self._write("DELETE FROM cache", ())

    def close(self, **kwargs):
        # Kept open between requests: opening the file costs more than a count.
        pass
