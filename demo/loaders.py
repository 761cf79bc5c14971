"""Writing generated rows: ids reserved first, rows in bulk, and the undoing of a failed load."""

from django.db import connection, transaction

from petitions import indexing
from petitions.search import FTS_TABLE

from .generator import PETITIONS, TABLES


def reserve_petition_ids(count):
    """The first of ``count`` petition ids that no other writer will take.

    The table's sequence is moved past them at once, so the rows a clerk adds while
    the load runs get ids after them. Writers of petitions wait for that moment
    (readers never do).
    """
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f'LOCK TABLE "{PETITIONS}" IN SHARE ROW EXCLUSIVE MODE')
            sequence = f"pg_get_serial_sequence('\"{PETITIONS}\"', 'id')"
            cursor.execute(
                f'SELECT GREATEST(nextval({sequence}), (SELECT MAX(id) + 1 FROM "{PETITIONS}"))'  # noqa: S608
            )
            first = cursor.fetchone()[0]
            cursor.execute(f"SELECT setval({sequence}, %s)", [first + count - 1])
            return first
        cursor.execute(f'SELECT COALESCE(MAX(id), 0) + 1 FROM "{PETITIONS}"')  # noqa: S608
        first = cursor.fetchone()[0]
        if connection.vendor == "sqlite":
            # AUTOINCREMENT never gives an id below the one it recorded.
            cursor.execute("SELECT seq + 1 FROM sqlite_sequence WHERE name = %s", [PETITIONS])
            first = max([first, *(value for (value,) in cursor.fetchall())])
            cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [PETITIONS])
            cursor.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)",
                [PETITIONS, first + count - 1],
            )
        return first


def column_list(table):
    return ", ".join(f'"{name}"' for name in TABLES[table].columns)


def insert_rows(batch):
    """Insert a batch with executemany, on any database; with its full-text rows on SQLite."""
    with connection.cursor() as cursor:
        for table in TABLES:
            if batch[table]:
                marks = ", ".join(["%s"] * len(TABLES[table].columns))
                cursor.executemany(
                    f'INSERT INTO "{table}" ({column_list(table)}) VALUES ({marks})',  # noqa: S608
                    batch[table],
                )
    if index_rows := batch.get(FTS_TABLE):
        indexing.write_fts_rows([row[0] for row in index_rows], index_rows)


def copy_rows(cursor, target, table, rows):
    """COPY rows of ``table``'s columns into ``target`` (a psycopg cursor, PostgreSQL)."""
    with cursor.copy(f"COPY {target} ({column_list(table)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def remove_petitions(first, last):
    """Delete the petitions with ids from ``first`` to ``last``, and all their rows."""
    with transaction.atomic(), connection.cursor() as cursor:
        for table in reversed(TABLES):
            key = "id" if table == PETITIONS else "petition_id"
            cursor.execute(
                f'DELETE FROM "{table}" WHERE "{key}" BETWEEN %s AND %s',  # noqa: S608
                [first, last],
            )
        indexing.forget_the_missing()


def analyze():
    """Give PostgreSQL's planner the new tables' statistics, and vacuum them: the
    visibility map VACUUM writes lets counts and sorts read an index alone, without
    a visit to each row (a list's bounded count of 10,000 rows: 9 ms -> 1 ms at a
    million petitions), which autovacuum, where it runs, does only later."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) " + ", ".join(f'"{table}"' for table in TABLES))
