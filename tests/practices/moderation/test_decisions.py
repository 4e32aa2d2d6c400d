"""publish, request_changes and reject: moderators only, from a submission waiting for review,
recording who decided, when and why."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from practices import moderation
from practices.models import ModerationEvent, Practice, Status, Submission

State = Submission.State


def test_publishing_makes_the_case_public_and_records_the_decision(submitted, moderator):
    moderation.publish(submitted, actor=moderator, reason="Dziękujemy!")

    submitted.refresh_from_db()
    practice = submitted.practice
    assert practice.status == Status.PUBLISHED and practice.published_at
    assert list(Practice.objects.published()) == [practice]
    assert (submitted.state, submitted.decided_by, submitted.moderator_comment) == (
        State.APPROVED, moderator, "Dziękujemy!")
    assert submitted.decided_at
    event = ModerationEvent.objects.filter(action="published").get()
    assert (event.actor, event.from_status, event.to_status, event.reason) == (
        moderator, "submitted", "published", "Dziękujemy!")
    latest = practice.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (moderator, "Dziękujemy!")


def test_publishing_applies_a_moderators_edit_of_the_data(submitted, moderator):
    submitted.data = {**submitted.data, "title": "Tytuł poprawiony przez moderatora"}
    submitted.save()

    moderation.publish(submitted, actor=moderator)

    assert Practice.objects.get().title == "Tytuł poprawiony przez moderatora"


def test_images_listed_join_the_case_when_it_is_published(draft, member, moderator,
                                                          make_image):
    kept, dropped = make_image(draft), make_image(draft)
    draft.data = {**draft.data, "images": [kept.pk]}
    moderation.submit(draft, actor=member)
    kept.refresh_from_db()
    assert kept.practice is None

    moderation.publish(draft, actor=moderator)

    kept.refresh_from_db(), dropped.refresh_from_db()
    assert kept.practice == draft.practice and dropped.practice is None


@pytest.mark.parametrize("decide, state, status, action", [
    ("request_changes", State.CHANGES_REQUESTED, Status.CHANGES_REQUESTED, "changes_requested"),
    ("reject", State.REJECTED, Status.REJECTED, "rejected"),
])
def test_sending_back_and_rejecting_record_the_reason(submitted, moderator, decide, state,
                                                      status, action):
    getattr(moderation, decide)(submitted, actor=moderator, reason="Brak źródła.")

    submitted.refresh_from_db()
    assert (submitted.state, submitted.moderator_comment, submitted.decided_by) == (
        state, "Brak źródła.", moderator)
    assert submitted.practice.status == status
    event = submitted.events.latest("at")
    assert (event.action, event.reason, event.from_status, event.to_status) == (
        action, "Brak źródła.", "submitted", status)


@pytest.mark.parametrize("decide", ["request_changes", "reject"])
@pytest.mark.parametrize("reason", ["", "   "])
def test_sending_back_and_rejecting_need_a_reason(submitted, moderator, decide, reason):
    with pytest.raises(ValidationError) as raised:
        getattr(moderation, decide)(submitted, actor=moderator, reason=reason)

    assert list(raised.value.message_dict) == ["reason"]
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


@pytest.mark.parametrize("decide", ["publish", "request_changes", "reject"])
def test_members_cannot_decide(submitted, member, decide):
    with pytest.raises(PermissionDenied):
        getattr(moderation, decide)(submitted, actor=member, reason="Sam sobie.")

    assert Practice.objects.get().status == Status.SUBMITTED


@pytest.mark.parametrize("decide", ["publish", "request_changes", "reject"])
def test_a_draft_cannot_be_decided(draft, moderator, decide):
    with pytest.raises(ValidationError):
        getattr(moderation, decide)(draft, actor=moderator, reason="Za wcześnie.")


def test_a_published_submission_cannot_be_published_or_rejected_again(submitted, moderator):
    moderation.publish(submitted, actor=moderator)

    for decide in ("publish", "reject", "request_changes"):
        with pytest.raises(ValidationError):
            getattr(moderation, decide)(submitted, actor=moderator, reason="Jeszcze raz.")
    assert ModerationEvent.objects.filter(action="published").count() == 1


def test_a_case_sent_back_for_changes_may_still_be_rejected(submitted, moderator):
    moderation.request_changes(submitted, actor=moderator, reason="Popraw daty.")

    moderation.reject(submitted, actor=moderator, reason="Autor nie odpowiada.")

    assert Practice.objects.get().status == Status.REJECTED


def test_withdrawing_a_new_case_makes_it_a_draft_again(submitted, member):
    moderation.withdraw(submitted, actor=member)

    submitted.refresh_from_db()
    assert submitted.state == State.WITHDRAWN
    assert submitted.practice.status == Status.DRAFT
    assert submitted.events.latest("at").action == "withdrawn"


def test_a_decided_submission_cannot_be_withdrawn(submitted, member, moderator):
    moderation.publish(submitted, actor=moderator)

    with pytest.raises(ValidationError):
        moderation.withdraw(submitted, actor=member)
    assert Practice.objects.get().status == Status.PUBLISHED
