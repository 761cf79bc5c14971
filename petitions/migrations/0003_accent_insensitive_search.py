"""Accent-insensitive search: the unaccent extension and text search configurations.

"english_unaccent" and "french_unaccent" copy PostgreSQL's English and French
configurations and strip accents before stemming, so "petition" finds
"pétition" and "Quebec" finds "Québec". The search vectors are then rebuilt
with them. Nothing to do on other databases (petitions/folding.py).
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.core.management import call_command
from django.db import migrations

CONFIGURATIONS = {"english_unaccent": ("english", "english_stem"), "french_unaccent": ("french", "french_stem")}  # fmt: skip


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (parent, stemmer) in CONFIGURATIONS.items():
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {parent})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer}"
        )
    if apps.get_model("petitions", "Petition").objects.exists():
        call_command("refresh_search_vectors")


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION {name}")


class Migration(migrations.Migration):
    dependencies = [("petitions", "0002_search")]

    operations = [
        UnaccentExtension(),
        migrations.RunPython(create_configurations, drop_configurations),
    ]
