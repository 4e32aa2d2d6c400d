"""Changes moderators make to a case itself: publish or send back a case without a pending
submission (the admin, imported cases), archive, verify against an official source, restore
an earlier version.

Rules:
- Moderators only; each call is one transaction, writes a ModerationEvent and names the actor
  and the reason in the version history.
- `publish_case` / `send_back_case`: a case with a submission waiting for review is decided
  through that submission (`publish` / `request_changes`), so its author's data is applied and
  the author told; a case without one (an imported case) has only its status changed.
- `archive` hides a case from the public whatever its status, saying why.
- `verify` names the official source (required) and shows the badge; `unverify` removes it.
- `restore` puts the fields of an earlier version (django-simple-history) back, except the
  status (changed only by the decisions above), the slug (in every link to the case), the
  verification and the import key. It is validated like any edit and recorded as a new version.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practices.domain.choices import Status
from practices.models import Practice, Submission
from practices.moderation import submissions
from practices.moderation.events import (
    Action,
    mark_version,
    record,
    require_moderator,
    require_reason,
)
from practices.moderation.notify import notify_author

# Fields of a version that `restore` puts back.
RESTORED_FIELDS = (
    "title", "tool_id", "municipality_id", "year", "end_year", "start_date", "end_date",
    "location", "summary", "description", "organiser", "organiser_type", "participants",
    "outcome", "lessons", "contact", "licence", "facts", "is_sample",
)


def _lock(practice):
    return Practice.objects.select_for_update().get(pk=practice.pk)


def _pending(practice):
    return (practice.submissions.filter(state=Submission.State.SUBMITTED)
            .order_by("submitted_at", "pk").first())


def _set_status(practice, status, *, actor, reason, action):
    current = _lock(practice)
    from_status = current.status
    if from_status == status:
        raise ValidationError({"status": [_("The case is already %(status)s.")
                                          % {"status": current.get_status_display()}]})
    practice.status = status
    mark_version(practice, actor, reason or action)
    practice.save(update_fields=["status", "updated_at", "published_at"])
    record(action, practice=practice, actor=actor, from_status=from_status, to_status=status,
           reason=reason)
    return practice


@transaction.atomic
def publish_case(practice, *, actor, reason=""):
    """Publish a case: through its pending submission if it has one."""
    require_moderator(actor)
    pending = _pending(practice) if practice.status != Status.PUBLISHED else None
    if pending is not None:
        submissions.publish(pending, actor=actor, reason=reason)
        practice.refresh_from_db()
        return practice
    if practice.status == Status.PUBLISHED:
        raise ValidationError({"status": [_("The case is already published.")]})
    _set_status(practice, Status.PUBLISHED, actor=actor, reason=reason,
                action=Action.PUBLISHED)
    notify_author(Action.PUBLISHED, practice=practice, user=practice.author, reason=reason)
    return practice


@transaction.atomic
def send_back_case(practice, *, actor, reason):
    """Ask for changes to a case: through its pending submission if it has one."""
    require_moderator(actor)
    reason = require_reason(reason)
    pending = _pending(practice)
    if pending is not None:
        submissions.request_changes(pending, actor=actor, reason=reason)
        practice.refresh_from_db()
        return practice
    _set_status(practice, Status.CHANGES_REQUESTED, actor=actor, reason=reason,
                action=Action.CHANGES_REQUESTED)
    notify_author(Action.CHANGES_REQUESTED, practice=practice, user=practice.author,
                  reason=reason)
    return practice


@transaction.atomic
def archive(practice, *, actor, reason):
    """Take a case off the public catalogue (status `archived`), saying why."""
    require_moderator(actor)
    reason = require_reason(reason)
    return _set_status(practice, Status.ARCHIVED, actor=actor, reason=reason,
                       action=Action.ARCHIVED)


@transaction.atomic
def verify(practice, *, actor, source):
    """Mark the case checked against an official source (named in `source`)."""
    require_moderator(actor)
    source = require_reason(source, field="source")
    if len(source) > Practice._meta.get_field("verified_source").max_length:
        raise ValidationError({"source": [_("At most 500 characters.")]})
    _lock(practice)
    practice.verified_source, practice.verified_at, practice.verified_by = (
        source, timezone.now(), actor)
    mark_version(practice, actor, Action.VERIFIED)
    practice.save(update_fields=["verified_source", "verified_at", "verified_by", "updated_at"])
    record(Action.VERIFIED, practice=practice, actor=actor, from_status=practice.status,
           to_status=practice.status, reason=source)
    notify_author(Action.VERIFIED, practice=practice, user=practice.author)
    return practice


@transaction.atomic
def unverify(practice, *, actor, reason=""):
    """Remove the verification badge."""
    require_moderator(actor)
    _lock(practice)
    practice.verified_source, practice.verified_at, practice.verified_by = "", None, None
    mark_version(practice, actor, reason or Action.UNVERIFIED)
    practice.save(update_fields=["verified_source", "verified_at", "verified_by", "updated_at"])
    record(Action.UNVERIFIED, practice=practice, actor=actor, from_status=practice.status,
           to_status=practice.status, reason=reason)
    return practice


@transaction.atomic
def restore(practice, history_id, *, actor):
    """Put back the fields of the version `history_id` of this case (see the module's rules).
    Raises ValidationError when the version is not this case's or no longer valid."""
    require_moderator(actor)
    _lock(practice)
    version = practice.history.filter(history_id=history_id).first()
    if version is None:
        raise ValidationError({"version": [_("No such version of this case.")]})
    for name in RESTORED_FIELDS:
        setattr(practice, name, getattr(version, name))
    try:
        practice.full_clean(exclude=["slug"], validate_constraints=False)
    except ValidationError as error:
        raise ValidationError({"version": [_(
            "This version no longer passes today's checks: %(problems)s") % {
            "problems": "; ".join(error.messages)}]}) from None
    when = timezone.localtime(version.history_date).strftime("%Y-%m-%d %H:%M")
    reason = f"{Action.RESTORED}: {when}"
    mark_version(practice, actor, reason)
    practice.save()
    record(Action.RESTORED, practice=practice, actor=actor, from_status=practice.status,
           to_status=practice.status, reason=reason)
    return practice
