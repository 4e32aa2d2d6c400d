"""The roles are groups a migration creates (practices.domain.roles states the policy)."""
from django.contrib.auth.models import Group, Permission

from practices.domain.roles import Role


def codenames(group_name):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=group_name).permissions.select_related("content_type")
    }


def test_the_three_groups_exist_after_migrate(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "member", "moderator", "administrator"
    }


def test_members_get_no_admin_permission(db):
    assert codenames(Role.MEMBER) == set()


def test_moderators_moderate_and_view_and_change_the_moderated_models(db):
    assert codenames(Role.MODERATOR) == {"practices.moderate_practice"} | {
        f"practices.{action}_{model}"
        for model in ("practice", "submission", "moderationevent", "profile", "invitation")
        for action in ("view", "change")
    }


def test_administrators_hold_every_permission_of_practices_geodata_and_auth(db):
    expected = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.filter(
            content_type__app_label__in=["practices", "geodata", "auth"]
        ).select_related("content_type")
    }
    assert "practices.delete_practice" in expected and "auth.change_user" in expected
    assert codenames(Role.ADMINISTRATOR) == expected


def test_a_user_in_the_moderator_group_may_moderate(django_user_model):
    user = django_user_model.objects.create_user("dora", "dora@example.org", "x")
    assert not user.has_perm("practices.moderate_practice")
    user.groups.add(Group.objects.get(name=Role.MODERATOR))
    user = django_user_model.objects.get(pk=user.pk)
    assert user.has_perm("practices.moderate_practice")
    assert user.has_perm("practices.change_submission")
    assert not user.has_perm("practices.delete_practice")
