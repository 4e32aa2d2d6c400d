from django.db import migrations, models
from django.db.models import F


def backfill(apps, schema_editor):
    # Cases published before the field existed: their last change is the best known date.
    Practice = apps.get_model("practices", "Practice")
    Practice.objects.filter(status="published", published_at__isnull=True).update(
        published_at=F("updated_at")
    )


class Migration(migrations.Migration):
    dependencies = [("practices", "0005_imports")]

    operations = [
        migrations.AddField(
            model_name="practice",
            name="published_at",
            field=models.DateTimeField(blank=True, db_index=True, editable=False, null=True,
                                       verbose_name="first published"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
