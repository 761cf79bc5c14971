"""PostgreSQL keeps each petition's search vectors in its row (storage MAIN).

A petition row holds both languages' texts and is wider than PostgreSQL's 2 kB
threshold, so under the default storage the vectors were often moved out of line,
into the TOAST table: every petition a search tested cost an index lookup and a
fetch there. Counting the first 1,001 petitions that hold a common word took
about 7 ms at 100,000 petitions; with the vectors in the row, about 1.2 ms
(BENCHMARKS.md). The long texts are moved out of line instead.

The setting applies to values written after it, so the vectors already stored
are written again (the same vectors). Nothing to do on other databases.
"""

from django.db import migrations

TABLE = "petitions_petition"
COLUMNS = ("search_vector_en", "search_vector_fr")


def set_storage(storage, rewrite):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(
            f"ALTER TABLE {TABLE} "
            + ", ".join(f"ALTER COLUMN {column} SET STORAGE {storage}" for column in COLUMNS)
        )
        if rewrite:
            # "|| ''" makes a new value equal to the old one; an unchanged value
            # would keep its place out of line.
            schema_editor.execute(
                f"UPDATE {TABLE} SET "  # noqa: S608
                + ", ".join(f"{column} = {column} || ''::tsvector" for column in COLUMNS)
                + " WHERE "
                + " OR ".join(f"{column} IS NOT NULL" for column in COLUMNS)
            )

    return operation


class Migration(migrations.Migration):
    dependencies = [("petitions", "0011_drop_covered_indexes")]

    operations = [
        migrations.RunPython(
            set_storage("MAIN", rewrite=True), set_storage("EXTENDED", rewrite=False)
        ),
    ]
