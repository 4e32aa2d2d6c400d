"""The fixed cast of users and shared fixtures.

Cast: anonymous (no user), member (alice), other_member (bob), moderator (charlie).
"""
import pytest
from django.contrib.auth.models import AnonymousUser, Permission


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("alice", "alice@example.org", "alice-password")


@pytest.fixture
def other_member(django_user_model):
    return django_user_model.objects.create_user("bob", "bob@example.org", "bob-password")


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "charlie", "charlie@example.org", "charlie-password"
    )
    user.user_permissions.add(Permission.objects.get(codename="moderate_practice"))
    return django_user_model.objects.get(pk=user.pk)
