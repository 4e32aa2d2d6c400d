from django.db import migrations


def load(apps, schema_editor):
    from practices.domain.tools import load_tools

    load_tools(apps.get_model("practices", "ParticipationTool"))


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
