"""Search: the per-language search vectors, their GIN indexes, sort indexes.

The GIN indexes and the "most signatures" index (DESC NULLS LAST) exist on
PostgreSQL only: SQLite has neither GIN nor NULLS LAST in an index, and no
search vectors to index. They are made here rather than in Meta.indexes.
"""

import django.contrib.postgres.search
from django.core.management import call_command
from django.db import migrations, models

POSTGRES_INDEXES = {
    "petition_search_en": "USING gin (search_vector_en)",
    "petition_search_fr": "USING gin (search_vector_fr)",
    "petition_most_signatures": "(signatures DESC NULLS LAST, id DESC)",
}


def create_postgres_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in POSTGRES_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON petitions_petition {definition}")
    # Petitions recorded before search existed get their vectors.
    if apps.get_model("petitions", "Petition").objects.exists():
        call_command("refresh_search_vectors")


def drop_postgres_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in POSTGRES_INDEXES:
        schema_editor.execute(f"DROP INDEX {name}")


class Migration(migrations.Migration):

    dependencies = [
        ('petitions', '0001_initial'),
        ('responses', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='petition',
            name='search_vector_en',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='petition',
            name='search_vector_fr',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name='petition',
            index=models.Index(fields=['signatures', 'id'], name='petition_signatures'),
        ),
        migrations.AddIndex(
            model_name='petition',
            index=models.Index(fields=['initiator_province'], name='petition_initiator_province'),
        ),
        migrations.AddIndex(
            model_name='petition',
            index=models.Index(fields=['status', 'presented_on', 'id'], name='petition_status_presented'),
        ),
        migrations.RunPython(create_postgres_indexes, drop_postgres_indexes),
    ]
