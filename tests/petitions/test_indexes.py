"""The record's tables are indexed for their lookups, and for nothing twice.

A foreign key unindexed makes every delete of what it points to (and every list of
its rows) read the whole table; an index that only repeats the first column of another
makes every insert pay twice. Read from the database as migrated, on SQLite and on
PostgreSQL.
"""

import pytest
from django.apps import apps
from django.db import connection, models

RECORD_APPS = ("petitions", "responses")

pytestmark = pytest.mark.django_db


def record_models():
    for app in RECORD_APPS:
        yield from apps.get_app_config(app).get_models(include_auto_created=True)


def indexes(model):
    """The column lists of the table's indexes (unique constraints and primary key too)."""
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, model._meta.db_table)
    return {
        name: (details["columns"], details["unique"] or details["primary_key"])
        for name, details in found.items()
        if details["index"] or details["unique"] or details["primary_key"]
    }


def test_every_foreign_key_leads_an_index():
    unindexed = []
    for model in record_models():
        leads = {columns[0] for columns, _unique in indexes(model).values() if columns}
        for field in model._meta.local_fields:
            if isinstance(field, models.ForeignKey) and field.column not in leads:
                unindexed.append(f"{model._meta.db_table}.{field.column}")
    assert unindexed == []


def test_no_single_column_index_repeats_the_lead_of_another():
    repeated = []
    for model in record_models():
        found = indexes(model)
        for name, (columns, unique) in found.items():
            if unique or len(columns) != 1 or columns == [None]:
                continue
            if any(
                other != name and other_columns and other_columns[0] == columns[0]
                for other, (other_columns, _unique) in found.items()
            ):
                repeated.append(name)
    assert repeated == []
