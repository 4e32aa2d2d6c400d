"""The case form's tests: approved members (alice, bob), their submissions, and gminy."""
import pytest
from django.urls import reverse
from django.utils import timezone

from practices.models import Profile, Submission


def approve(user):
    Profile.objects.update_or_create(user=user, defaults={"approved_at": timezone.now()})
    return user


@pytest.fixture
def alice(member):
    return approve(member)


@pytest.fixture
def bob(other_member):
    return approve(other_member)


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def draft(alice, suprasl):
    return Submission.objects.create(author=alice, data={
        "tool": "budzet-obywatelski", "title": "Budżet obywatelski Supraśla", "year": "2024",
        "licence": "CC-BY-4.0",
    })


def step_url(submission, step):
    return reverse("members:step", args=[submission.pk, step])


def autosave_url(submission):
    return reverse("members:autosave", args=[submission.pk])
