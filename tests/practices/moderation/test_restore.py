"""Restoring a version from the case's history puts its fields back, recorded as a new
version; the status, slug and verification stay as they are."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from practices import moderation
from practices.models import ModerationEvent, Status


def test_an_earlier_version_is_restored_as_a_new_version(published, held_edit, moderator):
    first = published.history.earliest()
    moderation.publish(held_edit, actor=moderator)
    published.refresh_from_db()
    assert published.title == "Poprawiony budżet obywatelski 2024"
    versions = published.history.count()

    moderation.restore(published, first.history_id, actor=moderator)

    published.refresh_from_db()
    assert published.title == "Budżet obywatelski 2024"
    assert published.facts == {"projects_submitted": 40, "voters": 1200}
    assert published.location.coords == (23.15, 53.15)
    assert published.status == Status.PUBLISHED  # the first version was `submitted`
    assert published.history.count() == versions + 1
    latest = published.history.latest()
    assert latest.history_user == moderator
    assert latest.history_change_reason.startswith("restored: ")
    assert ModerationEvent.objects.latest("at").action == "restored"


def test_a_version_of_another_case_is_refused(published, moderator, bialystok):
    from tests.factories import make_practice

    other = make_practice(bialystok)

    with pytest.raises(ValidationError):
        moderation.restore(published, other.history.get().history_id, actor=moderator)


def test_members_cannot_restore(published, member):
    with pytest.raises(PermissionDenied):
        moderation.restore(published, published.history.earliest().history_id, actor=member)
