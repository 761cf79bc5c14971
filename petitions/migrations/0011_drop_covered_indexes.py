"""Indexes that another index or a unique constraint already covers, dropped.

Each dropped index served lookups by one column that leads another index: status,
session, subject and sponsor lead Petition's composite indexes; the petition of a
clause, a demand, a province's count or a keyword's link leads its unique constraint.
On PostgreSQL the text-pattern indexes of the status, the Petition No. and the slugs go
too: nothing matches them by a pattern anchored at the start (a search's icontains
cannot use these indexes). Every insert paid for each of them.

Only the indexes are dropped: altering the fields in the database would drop and
re-check their foreign keys (on SQLite, rebuild the tables), a long lock on a large
table for nothing.
"""

import django.db.models.deletion
from django.db import migrations, models

# (model, field) whose own index goes
PLAIN = [
    ("petition", "status"),
    ("petition", "session"),
    ("petition", "subject"),
    ("petition", "sponsor"),
    ("whereasclause", "petition"),
    ("demand", "petition"),
    ("signaturecount", "petition"),
    ("petition_keywords", "petition"),
]
# (model, field) whose text-pattern index goes (PostgreSQL only has them)
PATTERN = [
    ("petition", "status"),
    ("petition", "petition_no"),
    ("keyword", "slug"),
    ("member", "slug"),
    ("subject", "slug"),
]


def _indexes(apps, schema_editor):
    """Each dropped index: (model, field, its name, whether it is a text-pattern index)."""
    postgresql = schema_editor.connection.vendor == "postgresql"
    for pairs, pattern in ((PLAIN, False), (PATTERN, True)):
        if pattern and not postgresql:
            continue
        for model_name, field_name in pairs:
            model = apps.get_model("petitions", model_name)
            field = model._meta.get_field(field_name)
            suffix = "_like" if pattern else ""
            name = schema_editor._create_index_name(
                model._meta.db_table, [field.column], suffix=suffix
            )
            yield model, field, name, pattern


def drop_indexes(apps, schema_editor):
    for model, _field, name, _pattern in _indexes(apps, schema_editor):
        schema_editor.execute(schema_editor._delete_index_sql(model, name))


def create_indexes(apps, schema_editor):
    for model, field, name, pattern in _indexes(apps, schema_editor):
        if pattern:
            schema_editor.execute(schema_editor._create_like_index_sql(model, field))
        else:
            schema_editor.execute(schema_editor._create_index_sql(model, fields=[field], name=name))


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0010_sponsor_and_subject_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(drop_indexes, create_indexes)],
            state_operations=[
                migrations.AlterField(
                    model_name="demand",
                    name="petition",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="demands",
                        to="petitions.petition",
                        verbose_name="petition",
                    ),
                ),
                migrations.AlterField(
                    model_name="petition",
                    name="session",
                    field=models.ForeignKey(
                        db_index=False,
                        help_text="The session it was presented in, or opened in if not yet presented.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="petitions",
                        to="petitions.parliamentsession",
                        verbose_name="Parliament session",
                    ),
                ),
                migrations.AlterField(
                    model_name="petition",
                    name="sponsor",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sponsored_petitions",
                        to="petitions.member",
                        verbose_name="sponsoring Member",
                    ),
                ),
                migrations.AlterField(
                    model_name="petition",
                    name="status",
                    field=models.CharField(
                        choices=[
                            ("open", "Open for signature"),
                            ("closed", "Closed"),
                            ("awaiting_certification", "Waiting for certification"),
                            ("not_certified", "Not certified"),
                            ("certified", "Certified"),
                            ("presented", "Presented, awaiting government response"),
                            ("responded", "Government response tabled"),
                            ("closed_dissolution", "Closed upon dissolution"),
                            ("unanswered_dissolution", "Not answered before dissolution"),
                        ],
                        max_length=30,
                        verbose_name="status",
                    ),
                ),
                migrations.AlterField(
                    model_name="petition",
                    name="subject",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="petitions",
                        to="petitions.subject",
                        verbose_name="subject",
                    ),
                ),
                migrations.AlterField(
                    model_name="signaturecount",
                    name="petition",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="signature_counts",
                        to="petitions.petition",
                        verbose_name="petition",
                    ),
                ),
                migrations.AlterField(
                    model_name="whereasclause",
                    name="petition",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="clauses",
                        to="petitions.petition",
                        verbose_name="petition",
                    ),
                ),
            ],
        ),
    ]
