"""The index of published cases by tool and year also holds what a marker draws (id, sample
flag, location, gmina): the map's points of a tool and year are read from the index alone."""
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("practices", "0014_published_counts"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="practice",
            name="practice_status_tool_year",
        ),
        migrations.AddIndex(
            model_name="practice",
            index=models.Index(
                fields=["status", "tool", "year"],
                include=("id", "is_sample", "location", "municipality"),
                name="practice_status_tool_year",
            ),
        ),
    ]
