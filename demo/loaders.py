"""Bulk loading of generated rows, and the PostgreSQL steps around a large load."""

from django.db import connection

from .generator import COLUMNS


def next_ids():
    """The first free primary key of every table the generator fills."""
    with connection.cursor() as cursor:
        starts = {}
        for table in COLUMNS:
            cursor.execute(f'SELECT COALESCE(MAX("id"), 0) + 1 FROM "{table}"')  # noqa: S608
            starts[table] = cursor.fetchone()[0]
        return starts


def column_list(table):
    return ", ".join(f'"{name}"' for name in COLUMNS[table])


def insert_rows(batch):
    """Insert a batch with executemany, on any database."""
    with connection.cursor() as cursor:
        for table, rows in batch.items():
            if rows:
                marks = ", ".join(["%s"] * len(COLUMNS[table]))
                cursor.executemany(
                    f'INSERT INTO "{table}" ({column_list(table)}) VALUES ({marks})',  # noqa: S608
                    rows,
                )


def copy_rows(cursor, target, table, rows):
    """COPY rows of ``table``'s columns into ``target`` (a psycopg cursor, PostgreSQL)."""
    with cursor.copy(f"COPY {target} ({column_list(table)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def reset_sequences():
    """Point PostgreSQL's id sequences past the rows loaded with explicit ids."""
    with connection.cursor() as cursor:
        for table in COLUMNS:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "  # noqa: S608
                f'COALESCE((SELECT MAX("id") FROM "{table}"), 1))'
            )


def drop_foreign_keys():
    """Drop the foreign keys of the loaded tables; return what adds them back.

    Checking each row's references one by one costs more than loading it;
    adding a constraint back validates every row in one pass, so nothing
    unchecked is kept.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
            [list(COLUMNS)],
        )
        keys = cursor.fetchall()
        for table, name, _ in keys:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    return [f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {text}' for table, name, text in keys]


def drop_plain_indexes():
    """Drop the non-unique indexes of the loaded tables; return what builds them again.

    They check nothing, and building one over all rows at the end costs far
    less than updating it row by row (the search vectors' GIN indexes above
    all). Unique indexes stay: they check every row as it comes in.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
            "WHERE NOT indisunique AND indrelid::regclass::text = ANY(%s)",
            [list(COLUMNS)],
        )
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
    return [definition for _, definition in indexes]


def run_all(statements):
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def analyze():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(f'"{table}"' for table in COLUMNS))
