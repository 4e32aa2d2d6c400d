"""The roles as groups with their permissions (practices.domain.roles states the policy).

Permissions are normally created after all migrations (post_migrate); this migration creates
those of the apps it names first, so it works on a fresh database too. practices/apps.py
puts the groups back after a flush (the end of a transactional test), with the permissions of
models added since."""
from django.db import migrations


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    from practices.domain.roles import ADMINISTRATOR_APPS, load_roles

    for label in ADMINISTRATOR_APPS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    load_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["member", "moderator", "administrator"]
    ).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("practices", "0007_members_and_moderation"),
        ("geodata", "0002_eligible_voters"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
