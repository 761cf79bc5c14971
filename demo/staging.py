"""Made-up petitions staged on PostgreSQL, their search vectors filled there.

The generated rows are copied into unlogged tables of a schema of their own,
which the site never reads, and committed batch by batch so that worker
threads can see them. Each worker fills the staged petitions' search vectors
with the application's own ``refresh_search_vectors``: its connection puts the
staging schema first on the search_path, so the very same SQL reads the
staged clauses, demands, keywords, responses and reference rows. Meanwhile the
generator goes on with the next batches, so Python and the database each keep
a core busy.

The caller's transaction then moves every row into the real tables and drops
the schema in the same commit: until then nothing of the load is visible, and
after a failure the schema is dropped.
"""

import queue
import secrets
import threading
import time
from collections import Counter

from django.db import DEFAULT_DB_ALIAS, connection, connections

from petitions.models import SEARCH_VECTORS, Petition
from petitions.vectors import refresh_search_vectors

from .generator import COLUMNS
from .loaders import column_list, copy_rows
from .reference import REFERENCE_MODELS

PREFIX = "seed_demo_"
# Every table the vectors may read: the generated ones and the reference ones.
PETITIONS = Petition._meta.db_table
STAGED_TABLES = [*COLUMNS, *(model._meta.db_table for model in REFERENCE_MODELS)]


class StagingSchema:
    """A context manager: the schema exists inside it, with ``workers`` threads filling vectors."""

    def __init__(self, workers):
        self.workers = workers
        self.ranges = queue.Queue()
        # Ranges whose vectors are filled; None when a worker failed.
        self.filled = queue.Queue()
        self.batches = 0
        self.errors = []
        self.abandoned = threading.Event()
        self.vector_seconds = []
        self.loaded = Counter()

    def __enter__(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            owner = cursor.fetchone()[0]
        # The owner's backend id in the name tells abandoned schemas from live ones.
        self.name = f"{PREFIX}{owner}_{secrets.token_hex(4)}"
        self.db = connections.create_connection(DEFAULT_DB_ALIAS)
        try:
            self._drop_abandoned()
            self._create()
        except BaseException:
            self.db.close()
            raise
        self.threads = [threading.Thread(target=self._fill_vectors) for _ in range(self.workers)]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, error_type, error, traceback):
        try:
            if error_type is not None:
                self.abandoned.set()
                self._stop_workers()
                # The caller's transaction was rolled back: nothing of ours is locked.
                self._execute(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE')
        finally:
            self.db.close()

    def copy_reference_rows(self):
        """Copy the reference rows as the caller's transaction sees them (even uncommitted)."""
        with connection.cursor() as source, self.db.cursor() as target:
            for model in REFERENCE_MODELS:
                table = model._meta.db_table
                with (
                    source.cursor.copy(f'COPY "{table}" TO STDOUT') as rows,
                    target.cursor.copy(f"COPY {self._staged(table)} FROM STDIN") as into,
                ):
                    for data in rows:
                        into.write(data)

    def load(self, batch):
        """Stage one batch and hand its petitions to the workers."""
        self._raise_worker_error()
        with self.db.cursor() as cursor:
            for table, rows in batch.items():
                copy_rows(cursor.cursor, self._staged(table), table, rows)
                self.loaded[table] += len(rows)
        ids = [row[0] for row in batch["petitions_petition"]]
        self.ranges.put((ids[0], ids[-1]))
        self.batches += 1

    def move_parts(self):
        """In the caller's transaction: insert the staged rows of every table but petitions.

        Their rows are final once loaded, so this can run while vectors are filled.
        """
        for table in COLUMNS:
            if table != PETITIONS:
                self._move(table, column_list(table))

    def move_petitions(self):
        """Insert each batch of petitions once its vectors are filled; then drop the schema.

        In the caller's transaction, as the workers finish batch after batch.
        """
        self._no_more_ranges()
        columns = column_list(PETITIONS) + "".join(f', "{name}"' for name in SEARCH_VECTORS)
        for _ in range(self.batches):
            ids = self.filled.get()
            self._raise_worker_error()
            self._move(PETITIONS, columns, ids)
        self._stop_workers()
        self._execute_in_caller(f'DROP SCHEMA "{self.name}" CASCADE')

    def _move(self, table, columns, ids=None):
        """Insert the staged rows of a table, or of the petitions with ids in a range."""
        sql = f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM {self._staged(table)}'  # noqa: S608
        expected = self.loaded[table]
        if ids:
            sql += " WHERE id BETWEEN %s AND %s"
            expected = ids[1] - ids[0] + 1
        with connection.cursor() as cursor:
            cursor.execute(sql, ids)
            if cursor.rowcount != expected:
                raise RuntimeError(
                    f"{table}: {cursor.rowcount} staged rows seen, {expected} loaded "
                    "(the transaction must see rows committed after it began)."
                )

    def _staged(self, table):
        return f'"{self.name}"."{table}"'

    def _create(self):
        """Unlogged tables with the real ones' columns, indexed for the vectors' lookups.

        The columns are read from the catalog rather than with LIKE, which
        would wait for any lock the caller's transaction holds on the real table.
        """
        self._execute(f'CREATE SCHEMA "{self.name}"')
        with self.db.cursor() as cursor:
            for table in STAGED_TABLES:
                cursor.execute(
                    "SELECT string_agg(quote_ident(attname) || ' ' || "
                    "format_type(atttypid, atttypmod), ', ' ORDER BY attnum) "
                    "FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                    "AND NOT attisdropped",
                    [f'"{table}"'],
                )
                columns = cursor.fetchone()[0]
                cursor.execute(
                    f"CREATE UNLOGGED TABLE {self._staged(table)} ({columns}) "
                    "WITH (autovacuum_enabled = false)"
                )
                # Parts are looked up by their petition, everything else by id.
                key = "petition_id" if "petition_id" in COLUMNS.get(table, ()) else "id"
                cursor.execute(f'CREATE INDEX ON {self._staged(table)} ("{key}")')

    def _drop_abandoned(self):
        """Drop the schemas of runs whose connection is gone (a run killed outright)."""
        with self.db.cursor() as cursor:
            cursor.execute(
                "SELECT nspname FROM pg_namespace WHERE nspname ~ %s AND "
                "substring(nspname FROM %s)::int NOT IN (SELECT pid FROM pg_stat_activity)",
                [f"^{PREFIX}[0-9]+_[0-9a-f]+$", f"^{PREFIX}([0-9]+)_"],
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')

    def _fill_vectors(self):
        """A worker, on its own connection: the vectors of one batch after another."""
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('search_path', "
                    "quote_ident(%s) || ', ' || current_setting('search_path'), false)",
                    [self.name],
                )
                # Compiling these expressions would cost more than it saves on a batch.
                cursor.execute("SET jit = off")
                # Every lookup is by petition or by id, in tables that grow while a
                # batch is planned: scanning one whole, once per petition, is never right.
                cursor.execute("SET enable_seqscan = off")
            while (ids := self.ranges.get()) is not None:
                if not self.abandoned.is_set():
                    started = time.monotonic()
                    refresh_search_vectors(Petition.objects.filter(pk__range=ids))
                    self.vector_seconds.append(time.monotonic() - started)
                    self.filled.put(ids)
        except Exception as error:  # reported by the main thread
            self.errors.append(error)
            self.abandoned.set()
            self.filled.put(None)
        finally:
            connection.close()

    def _no_more_ranges(self):
        """Each worker stops once the ranges before this are done."""
        for _ in self.threads:
            self.ranges.put(None)

    def _stop_workers(self):
        self._no_more_ranges()
        for thread in self.threads:
            thread.join()
        self.threads = []

    def _raise_worker_error(self):
        if self.errors:
            raise self.errors[0]

    def _execute_in_caller(self, sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)

    def _execute(self, sql):
        with self.db.cursor() as cursor:
            cursor.execute(sql)
