"""The demo generator writes every column of the models it fills, by name."""

import pytest
from django.db import models
from django.test.utils import isolate_apps

from demo.generator import TABLES, PetitionFactory
from demo.management.commands.seed_demo import DEMO_TODAY
from demo.reference import ensure_reference_data
from demo.tables import Table


def test_every_field_of_a_loaded_model_is_written_or_left_to_the_database(db):
    factory = PetitionFactory(1, ensure_reference_data(1), 1, {}, DEMO_TODAY, index_rows=True)
    # Each row checks that every field the model cannot default was given.
    batch = next(factory.batches(factory.session_counts(300), first_id=1, batch_size=300))
    for name, table in TABLES.items():
        concrete = [field.column for field in table.model._meta.concrete_fields]
        left_to_database = set(concrete) - set(table.columns)
        # Only the ids the tables' sequences give, and the vectors computed after the load.
        assert left_to_database <= {"id", "search_vector_en", "search_vector_fr"}, name
        assert table.columns == tuple(c for c in concrete if c not in left_to_database)
        assert batch[name], name


@isolate_apps("demo")
def test_a_field_with_no_default_and_no_value_stops_the_load_with_its_name():
    class Clause(models.Model):
        text = models.TextField()
        position = models.PositiveSmallIntegerField(default=1)
        pages = models.PositiveIntegerField(null=True)
        added_on = models.DateField()

        class Meta:
            app_label = "demo"

        def __str__(self):
            return self.text

    table = Table(Clause, left_to_database=("id",))
    assert table.row({"text": "A clause.", "added_on": "2026-11-01"}) == (
        "A clause.",
        1,
        None,
        "2026-11-01",
    )
    with pytest.raises(ValueError, match="Clause: no value for added_on"):
        table.row({"text": "A clause."})
    with pytest.raises(ValueError, match="has no column page"):
        table.row({"text": "A clause.", "added_on": "2026-11-01", "page": 2})


@isolate_apps("demo")
def test_a_default_computed_per_row_must_be_generated():
    class Stamp(models.Model):
        made_at = models.DateTimeField(default=dict)

        class Meta:
            app_label = "demo"

        def __str__(self):
            return str(self.made_at)

    with pytest.raises(ValueError, match="no value for made_at"):
        Table(Stamp).row({"id": 1})
