"""Made-up petitions staged on PostgreSQL, moved into the tables batch by batch.

The generated rows are copied into unlogged tables of a schema of their own, which
the site never reads. Worker threads, each on its own connection, take one staged
batch after another and, in one transaction per batch, insert its rows into the real
tables: the parts as they are, the petitions with their search vectors, computed on
the way by the application's own SQL (``petitions.search.search_vector``) with the
staging schema first on the search_path, so that it reads the staged clauses,
demands, keywords and responses. Meanwhile the generator goes on with the next
batches, so Python and the database each keep a core busy.

Readers see each batch whole at its commit and are never blocked: a batch takes only
the locks of any insert. The schema is dropped at the end, or after a failure.
"""

import queue
import secrets
import threading
import time

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models.query import QuerySet

from petitions.models import SEARCH_VECTORS, Petition
from petitions.vectors import search_vector

from .generator import PETITIONS, TABLES
from .loaders import column_list, copy_rows

PREFIX = "seed_demo_"


class StagingSchema:
    """A context manager: the schema exists inside it, with ``workers`` threads moving batches."""

    def __init__(self, workers):
        self.workers = workers
        self.batches = queue.Queue()
        self.errors = []
        self.abandoned = threading.Event()
        self.petition_seconds = []
        self.part_seconds = []

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
        self.threads = [threading.Thread(target=self._move_batches) for _ in range(self.workers)]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, error_type, error, traceback):
        try:
            if error_type is not None:
                self.abandoned.set()
            self._stop_workers()
        finally:
            try:
                self._execute(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE')
            finally:
                self.db.close()

    def load(self, batch):
        """Stage one batch (committed at once) and hand it to the workers."""
        self._raise_worker_error()
        with self.db.cursor() as cursor:
            for table in TABLES:
                copy_rows(cursor.cursor, self._staged(table), table, batch[table])
        ids = [row[0] for row in batch[PETITIONS]]
        self.batches.put((ids[0], ids[-1], len(ids)))

    def finish(self):
        """Wait until every staged batch is in the tables."""
        self._stop_workers()
        self._raise_worker_error()

    def _move_batches(self):
        """A worker, on its own connection: one batch after another, each in one commit."""
        try:
            with connection.cursor() as cursor:
                # Compiling these expressions would cost more than it saves on a batch.
                cursor.execute("SET jit = off")
                # Every lookup is by petition or by id, in tables that grow while a
                # batch is planned: scanning one whole, once per petition, is never right.
                cursor.execute("SET enable_seqscan = off")
            while (batch := self.batches.get()) is not None:
                if not self.abandoned.is_set():
                    with transaction.atomic():
                        self._move_parts(batch)
                        self._move_petitions(batch)
        except Exception as error:  # reported by the main thread
            self.errors.append(error)
            self.abandoned.set()
        finally:
            connection.close()

    def _move_parts(self, batch):
        """Insert the batch's staged clauses, demands, responses... into the real tables."""
        first, last, _ = batch
        started = time.monotonic()
        with connection.cursor() as cursor:
            for table in TABLES:
                if table != PETITIONS:
                    columns = column_list(table)
                    cursor.execute(
                        f'INSERT INTO "{table}" ({columns}) SELECT {columns} '  # noqa: S608
                        f'FROM {self._staged(table)} WHERE "petition_id" BETWEEN %s AND %s',
                        [first, last],
                    )
        self.part_seconds.append(time.monotonic() - started)

    def _move_petitions(self, batch):
        """Insert the batch's petitions with their search vectors, computed on the way.

        The vectors' SQL is the application's (petitions.search.search_vector), run with
        the staging schema first on the search_path: it reads the staged petitions and
        parts, and the real subjects and keywords.
        """
        first, last, count = batch
        started = time.monotonic()
        vectors = {f"vector_{language}": search_vector(language) for language in ("en", "fr")}
        petitions = (
            QuerySet(Petition)  # the plain columns, as no translating manager rewrites them
            .filter(pk__range=(first, last))
            .order_by()
            .annotate(**vectors)
            .values_list(*TABLES[PETITIONS].columns, *vectors)
        )
        select, params = petitions.query.sql_with_params()
        columns = column_list(PETITIONS) + "".join(f', "{name}"' for name in SEARCH_VECTORS)
        with connection.cursor() as cursor:
            cursor.execute("SELECT quote_ident(current_schema()), current_setting('search_path')")
            schema, search_path = cursor.fetchone()
            cursor.execute(
                "SELECT set_config('search_path', quote_ident(%s) || ', ' || %s, true)",
                [self.name, search_path],
            )
            cursor.execute(f'INSERT INTO {schema}."{PETITIONS}" ({columns}) {select}', params)
            if cursor.rowcount != count:
                raise RuntimeError(f"{cursor.rowcount} staged petitions seen, {count} loaded.")
            cursor.execute("SELECT set_config('search_path', %s, true)", [search_path])
        self.petition_seconds.append(time.monotonic() - started)

    def _staged(self, table):
        return f'"{self.name}"."{table}"'

    def _create(self):
        """Unlogged tables with the real ones' columns, indexed for the vectors' lookups.

        Only the columns' types are copied: no constraint, so the parts' ids, which
        the real tables give, may be left empty here.
        """
        self._execute(f'CREATE SCHEMA "{self.name}"')
        with self.db.cursor() as cursor:
            for table in TABLES:
                cursor.execute(
                    "SELECT string_agg(quote_ident(attname) || ' ' || "
                    "format_type(atttypid, atttypmod), ', ' ORDER BY attnum) "
                    "FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                    "AND NOT attisdropped",
                    [f'"{table}"'],
                )
                cursor.execute(
                    f"CREATE UNLOGGED TABLE {self._staged(table)} ({cursor.fetchone()[0]}) "
                    "WITH (autovacuum_enabled = false)"
                )
                # Parts are looked up by their petition, petitions by id.
                key = "id" if table == PETITIONS else "petition_id"
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

    def _stop_workers(self):
        """Each worker stops once the batches before this are done."""
        for _ in self.threads:
            self.batches.put(None)
        for thread in self.threads:
            thread.join()
        self.threads = []

    def _raise_worker_error(self):
        if self.errors:
            raise self.errors[0]

    def _execute(self, sql):
        with self.db.cursor() as cursor:
            cursor.execute(sql)
