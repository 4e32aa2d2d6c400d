"""submit: a new case becomes a Practice waiting for review; an edit of an unpublished case
is applied to it; bad data writes nothing and names the keys."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from practices import moderation
from practices.models import ModerationEvent, Practice, Status, Submission
from tests.practices.moderation.conftest import case_data


def test_a_new_case_becomes_a_practice_waiting_for_review(draft, member):
    moderation.submit(draft, actor=member)

    draft.refresh_from_db()
    practice = draft.practice
    assert draft.state == Submission.State.SUBMITTED and draft.submitted_at
    assert practice.status == Status.SUBMITTED
    assert practice.author == member
    assert practice.title == "Budżet obywatelski 2024"
    assert practice.facts == {"projects_submitted": 40, "voters": 1200}
    assert list(practice.links.values_list("kind", "url", "label")) == [
        ("source", "https://bip.example.org/uchwala", "Uchwała")]
    assert not Practice.objects.published().exists()
    event = ModerationEvent.objects.get()
    assert (event.action, event.actor, event.from_status, event.to_status, event.submission) == (
        "submitted", member, "", "submitted", draft)
    version = practice.history.get()
    assert version.history_user == member and version.history_change_reason == "submitted"


def test_bad_data_writes_nothing_and_names_every_key(draft, member):
    draft.data = case_data(facts={"voters": "-3"}, links=[{"url": "ftp://x"}], title="")

    with pytest.raises(ValidationError) as raised:
        moderation.submit(draft, actor=member)

    assert sorted(raised.value.message_dict) == ["facts.voters", "links.0.url", "title"]
    draft.refresh_from_db()
    assert draft.state == Submission.State.DRAFT and draft.practice is None
    assert not Practice.objects.exists() and not ModerationEvent.objects.exists()


def test_an_edit_of_an_unpublished_case_is_applied_and_waits_again(submitted, member, moderator):
    moderation.request_changes(submitted, actor=moderator, reason="Podaj liczbę głosujących.")
    submitted.data = case_data(title="Poprawiony tytuł")

    moderation.submit(submitted, actor=member)

    practice = Practice.objects.get()
    assert (practice.title, practice.status) == ("Poprawiony tytuł", Status.SUBMITTED)
    assert Submission.objects.get().state == Submission.State.SUBMITTED


def test_someone_else_cannot_submit_a_members_draft(draft, other_member):
    with pytest.raises(PermissionDenied):
        moderation.submit(draft, actor=other_member)
    assert Submission.objects.get().state == Submission.State.DRAFT


@pytest.mark.parametrize("decide", ["publish", "reject"])
def test_a_decided_submission_cannot_be_submitted_again(submitted, member, moderator, decide):
    getattr(moderation, decide)(submitted, actor=moderator, reason="Nie dotyczy partycypacji.")

    with pytest.raises(ValidationError) as raised:
        moderation.submit(submitted, actor=member)
    assert list(raised.value.message_dict) == ["state"]


def test_images_of_another_submission_are_refused(draft, member, make_image):
    image = make_image(Submission.objects.create(author=member))
    draft.data = case_data(images=[image.pk])

    with pytest.raises(ValidationError) as raised:
        moderation.submit(draft, actor=member)
    assert list(raised.value.message_dict) == ["images"]
