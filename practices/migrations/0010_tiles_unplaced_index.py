"""An index of the cases that have no location of their own, by gmina: the `practices` vector
tiles find them through their gminy's points (practices.opendata.tiles) instead of scanning
the location index for NULLs. PostgreSQL keeps it up to date for every writer."""
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("practices", "0009_profile_language"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="practice",
            index=models.Index(
                condition=models.Q(("location__isnull", True)),
                fields=["municipality"],
                name="practice_unplaced_gmina",
            ),
        ),
    ]
