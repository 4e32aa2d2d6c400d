"""A submission's way through review: submit, publish, ask for changes, reject, withdraw.

Rules:
- `submit`: the author (or a moderator) sends a draft, or a submission sent back for changes,
  for review; the data is validated completely first (nothing is written when it fails). A new
  case becomes a Practice with status `submitted` whose author is the submission's author. An
  edit of a case that is not published is applied to it, and the case is `submitted` again. An
  edit of a PUBLISHED case leaves the case as it is (the published version stays on the map,
  the API and the embeds): it waits as the submission itself until `publish` applies it.
- `publish`, `request_changes`, `reject` (moderators only, a submission waiting for review):
  record who decided, when and why (`decided_by/at`, `moderator_comment`). Asking for changes
  and rejecting need a reason. Publishing applies the data (as the moderator may have edited
  it), and the images and attachments it lists join the case. A held edit that is sent back or
  rejected leaves the published case untouched.
- `withdraw`: the author takes back a submission not yet decided; a new case goes back to a
  draft (a published case is never touched).
Each call is one transaction, writes a ModerationEvent, names the actor and the reason in the
case's version history, and e-mails the author about each decision after the commit."""
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from practices.domain.choices import Status
from practices.models import CaseAttachment, CaseImage, Practice, Submission
from practices.moderation.data import clean_case_data
from practices.moderation.events import (
    Action,
    is_moderator,
    locked,
    mark_version,
    record,
    refuse_state,
    require_moderator,
    require_reason,
)
from practices.moderation.notify import notify_author

State = Submission.State


def _check_media(submission, values):
    """Only the submission's own files, and for an edit those of its case, may be listed (ids
    typed into JSON by hand are not)."""
    errors = {}
    mine = Q(submission=submission)
    if submission.practice_id:
        mine |= Q(practice_id=submission.practice_id)
    for key, model, ids in (("images", CaseImage, values.images),
                            ("attachments", CaseAttachment, values.attachments)):
        if ids:
            own = set(model.objects.filter(mine, pk__in=ids).values_list("pk", flat=True))
            if own != set(ids):
                errors[key] = [_("Some of the files listed are not part of this case: upload "
                                 "them again.")]
    if errors:
        raise ValidationError(errors)


def _apply(practice, values, *, status, actor, reason):
    values.apply_to(practice)
    practice.status = status
    mark_version(practice, actor, reason)
    practice.save()
    values.write_links(practice)


@transaction.atomic
def submit(submission, *, actor):
    """Send `submission` for review; see the module's rules. Raises ValidationError (keys as
    in the data) or PermissionDenied."""
    if actor is None or (actor.pk != submission.author_id and not is_moderator(actor)):
        raise PermissionDenied
    locked(submission)
    refuse_state(submission, *Submission.OPEN_STATES)
    practice = (Practice.objects.select_for_update().get(pk=submission.practice_id)
                if submission.practice_id else None)
    values = clean_case_data(submission.data, practice=practice)
    _check_media(submission, values)
    reason = Action.SUBMITTED
    if practice is None:
        practice = Practice(author=submission.author)
        from_status = ""
        _apply(practice, values, status=Status.SUBMITTED, actor=actor, reason=reason)
        submission.practice = practice
    elif practice.status == Status.PUBLISHED:
        from_status = Status.PUBLISHED  # a held edit: the case stays as published
    else:
        from_status = practice.status
        _apply(practice, values, status=Status.SUBMITTED, actor=actor, reason=reason)
    submission.state = State.SUBMITTED
    submission.submitted_at = timezone.now()
    submission.save(update_fields=["state", "submitted_at", "practice", "data", "updated_at"])
    record(Action.SUBMITTED, practice=practice, submission=submission, actor=actor,
           from_status=from_status, to_status=practice.status)
    return submission


def _decide(submission, actor, state, comment):
    submission.state = state
    submission.decided_by = actor
    submission.decided_at = timezone.now()
    submission.moderator_comment = comment
    submission.save(update_fields=["state", "decided_by", "decided_at", "moderator_comment",
                                   "updated_at"])


@transaction.atomic
def publish(submission, *, actor, reason=""):
    """Approve a submission waiting for review: its data becomes the published case."""
    require_moderator(actor)
    locked(submission)
    refuse_state(submission, State.SUBMITTED)
    practice = Practice.objects.select_for_update().get(pk=submission.practice_id)
    values = clean_case_data(submission.data, practice=practice)
    _check_media(submission, values)
    from_status = practice.status
    action = Action.EDIT_APPROVED if from_status == Status.PUBLISHED else Action.PUBLISHED
    _apply(practice, values, status=Status.PUBLISHED, actor=actor, reason=reason or action)
    CaseImage.objects.filter(submission=submission).exclude(pk__in=values.images).update(
        practice=None)
    CaseImage.objects.filter(pk__in=values.images).update(practice=practice)
    CaseAttachment.objects.filter(submission=submission).exclude(
        pk__in=values.attachments).update(practice=None)
    CaseAttachment.objects.filter(pk__in=values.attachments).update(practice=practice)
    _decide(submission, actor, State.APPROVED, reason)
    record(action, practice=practice, submission=submission, actor=actor,
           from_status=from_status, to_status=Status.PUBLISHED, reason=reason)
    notify_author(action, practice=practice, user=submission.author, reason=reason)
    return submission


def _send_back(submission, actor, reason, state, case_status, action):
    require_moderator(actor)
    reason = require_reason(reason)
    locked(submission)
    # A submission sent back for changes may still be rejected (the author did not answer).
    refuse_state(submission, State.SUBMITTED,
                 *((State.CHANGES_REQUESTED,) if state == State.REJECTED else ()))
    practice = Practice.objects.select_for_update().get(pk=submission.practice_id)
    from_status = practice.status
    if from_status != Status.PUBLISHED:  # a held edit leaves the published case alone
        practice.status = case_status
        mark_version(practice, actor, reason)
        practice.save(update_fields=["status", "updated_at"])
    _decide(submission, actor, state, reason)
    record(action, practice=practice, submission=submission, actor=actor,
           from_status=from_status, to_status=practice.status, reason=reason)
    notify_author(action, practice=practice, user=submission.author, reason=reason)
    return submission


@transaction.atomic
def request_changes(submission, *, actor, reason):
    """Send a submission back to its author, saying what to change (`reason`, required)."""
    return _send_back(submission, actor, reason, State.CHANGES_REQUESTED,
                      Status.CHANGES_REQUESTED, Action.CHANGES_REQUESTED)


@transaction.atomic
def reject(submission, *, actor, reason):
    """Refuse a submission for good, saying why (`reason`, required)."""
    return _send_back(submission, actor, reason, State.REJECTED, Status.REJECTED,
                      Action.REJECTED)


@transaction.atomic
def withdraw(submission, *, actor):
    """The author takes back a submission that is not decided yet."""
    if actor is None or (actor.pk != submission.author_id and not is_moderator(actor)):
        raise PermissionDenied
    locked(submission)
    refuse_state(submission, State.DRAFT, State.SUBMITTED, State.CHANGES_REQUESTED)
    practice = (Practice.objects.select_for_update().get(pk=submission.practice_id)
                if submission.practice_id else None)
    from_status = practice.status if practice else ""
    if practice is not None and from_status in (Status.SUBMITTED, Status.CHANGES_REQUESTED):
        practice.status = Status.DRAFT
        mark_version(practice, actor, Action.WITHDRAWN)
        practice.save(update_fields=["status", "updated_at"])
    submission.state = State.WITHDRAWN
    submission.save(update_fields=["state", "updated_at"])
    record(Action.WITHDRAWN, practice=practice, submission=submission, actor=actor,
           from_status=from_status, to_status=practice.status if practice else "")
    return submission
