import datetime

from django.db import migrations, models
from django.db.models import ExpressionWrapper, OuterRef, Q, Subquery

# RESPONSE_DAYS when this migration was written: the government has 45 days.
RESPONSE_DAYS = 45


def fill_response_late(apps, schema_editor):
    Petition = apps.get_model("petitions", "Petition")
    GovernmentResponse = apps.get_model("responses", "GovernmentResponse")
    due_on = ExpressionWrapper(
        OuterRef("presented_on") + datetime.timedelta(days=RESPONSE_DAYS),
        output_field=models.DateField(),
    )
    late = (
        GovernmentResponse.objects.filter(petition=OuterRef("pk"))
        .annotate(late=ExpressionWrapper(Q(tabled_on__gt=due_on), output_field=models.BooleanField()))
        .values("late")
    )
    Petition.objects.filter(presented_on__isnull=False).update(response_late=Subquery(late[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0003_accent_insensitive_search"),
        ("responses", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="petition",
            name="response_late",
            field=models.BooleanField(
                editable=False,
                help_text="Whether the government response came after its due date; empty without one.",
                null=True,
                verbose_name="response tabled late",
            ),
        ),
        migrations.AddIndex(
            model_name="petition",
            index=models.Index(
                fields=["response_late", "presented_on", "id"], name="petition_response_late"
            ),
        ),
        migrations.RunPython(fill_response_late, migrations.RunPython.noop),
    ]
