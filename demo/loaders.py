"""Bulk loading of generated rows: COPY on PostgreSQL, executemany elsewhere."""

from contextlib import contextmanager

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


def load(batch):
    with connection.cursor() as cursor:
        for table, rows in batch.items():
            if not rows:
                continue
            columns = ", ".join(f'"{name}"' for name in COLUMNS[table])
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f'COPY "{table}" ({columns}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(COLUMNS[table]))
                cursor.executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', rows)  # noqa: S608


def reset_sequences():
    """Point PostgreSQL's id sequences past the rows loaded with explicit ids."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in COLUMNS:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "  # noqa: S608
                f'COALESCE((SELECT MAX("id") FROM "{table}"), 1))'
            )


@contextmanager
def foreign_keys_checked_at_the_end():
    """On PostgreSQL, drop the foreign keys of the loaded tables and add them back.

    Checking each row's references one by one costs more than loading it;
    adding a constraint back validates every row in one pass, so nothing
    unchecked is kept.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
            [list(COLUMNS)],
        )
        keys = cursor.fetchall()
        for table, name, _ in keys:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    yield
    with connection.cursor() as cursor:
        for table, name, definition in keys:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
