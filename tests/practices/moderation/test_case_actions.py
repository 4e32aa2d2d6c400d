"""Moderators' changes to a case itself: archive, verify, publish or send back a case that has
no submission waiting (imported cases), through its pending submission when it has one."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from practices import moderation
from practices.models import ModerationEvent, Practice, Status, Submission
from tests.factories import make_practice


def test_archiving_hides_a_published_case_saying_why(published, moderator):
    moderation.archive(published, actor=moderator, reason="Duplikat innej praktyki.")

    published.refresh_from_db()
    assert published.status == Status.ARCHIVED
    assert not Practice.objects.published().exists()
    event = ModerationEvent.objects.latest("at")
    assert (event.action, event.from_status, event.to_status, event.reason, event.actor) == (
        "archived", "published", "archived", "Duplikat innej praktyki.", moderator)


def test_archiving_needs_a_reason_and_a_moderator(published, moderator, member):
    with pytest.raises(ValidationError):
        moderation.archive(published, actor=moderator, reason="")
    with pytest.raises(PermissionDenied):
        moderation.archive(published, actor=member, reason="Bo tak.")
    assert Practice.objects.get().status == Status.PUBLISHED


def test_verifying_names_the_source_and_unverifying_removes_it(published, moderator):
    moderation.verify(published, actor=moderator, source="Uchwała nr XII/34/2024, BIP")

    published.refresh_from_db()
    assert (published.verified_source, published.verified_by) == (
        "Uchwała nr XII/34/2024, BIP", moderator)
    assert published.verified_at
    moderation.unverify(published, actor=moderator)
    published.refresh_from_db()
    assert (published.verified_source, published.verified_at) == ("", None)
    assert list(ModerationEvent.objects.filter(action__in=["verified", "unverified"])
                .values_list("action", flat=True)) == ["unverified", "verified"]


def test_verifying_needs_a_source(published, moderator):
    with pytest.raises(ValidationError) as raised:
        moderation.verify(published, actor=moderator, source=" ")
    assert list(raised.value.message_dict) == ["source"]


def test_an_imported_case_without_a_submission_is_published_directly(bialystok, moderator):
    case = make_practice(bialystok, status=Status.SUBMITTED)

    moderation.publish_case(case, actor=moderator, reason="Sprawdzone.")

    case.refresh_from_db()
    assert case.status == Status.PUBLISHED and case.published_at
    assert ModerationEvent.objects.get().action == "published"


def test_a_case_with_a_pending_submission_is_published_through_it(submitted, moderator):
    moderation.publish_case(submitted.practice, actor=moderator)

    submitted.refresh_from_db()
    assert submitted.state == Submission.State.APPROVED
    assert submitted.practice.status == Status.PUBLISHED


def test_a_case_is_sent_back_through_its_pending_submission(submitted, moderator):
    moderation.send_back_case(submitted.practice, actor=moderator, reason="Dodaj źródło.")

    submitted.refresh_from_db()
    assert submitted.state == Submission.State.CHANGES_REQUESTED
    assert submitted.practice.status == Status.CHANGES_REQUESTED


def test_publishing_a_published_case_again_is_refused(published, moderator):
    with pytest.raises(ValidationError):
        moderation.publish_case(published, actor=moderator)
