"""Practice.feature: each case's summary feature, kept written by database triggers.

The triggers are generated from the code and installed after every migrate
(practices/feature_store.py), not here. Going back past this migration drops them before
the column, so that writes to the cases, gminy and tools keep working."""
from django.db import migrations, models

DROP_TRIGGERS = """
DROP TRIGGER IF EXISTS practices_practice_feature ON practices_practice;
DROP FUNCTION IF EXISTS practices_practice_feature();
DROP TRIGGER IF EXISTS practices_feature_of_municipality ON geodata_municipality;
DROP FUNCTION IF EXISTS practices_feature_of_municipality();
DROP TRIGGER IF EXISTS practices_feature_of_participationtool ON practices_participationtool;
DROP FUNCTION IF EXISTS practices_feature_of_participationtool();
"""


class Migration(migrations.Migration):

    dependencies = [
        ('geodata', '0002_eligible_voters'),
        ('practices', '0012_published_gmina_tool_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='practice',
            name='feature',
            field=models.TextField(default='', editable=False),
        ),
        migrations.RunSQL(migrations.RunSQL.noop, reverse_sql=DROP_TRIGGERS),
    ]
