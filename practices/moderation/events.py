"""What every change made by practices.moderation shares: the permission rule, the audit
event, the version's author and reason, and the row lock."""
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from practices.domain.roles import is_moderator  # noqa: F401 -- the one rule
from practices.models import ModerationEvent, Submission

MODERATE = "practices.moderate_practice"
Action = ModerationEvent.Action


def require_moderator(actor):
    if not is_moderator(actor):
        raise PermissionDenied(_("Only moderators may do this."))


def require_reason(reason, field="reason"):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({field: [_("Give a reason: the author will read it.")]})
    return reason


def mark_version(practice, actor, reason):
    """The author and reason of the version (django-simple-history) the next save writes."""
    practice._history_user = actor if getattr(actor, "is_authenticated", False) else None
    practice._change_reason = (reason or "")[:100]


def record(action, *, practice=None, submission=None, actor=None, source="", from_status="",
           to_status="", reason=""):
    return ModerationEvent.objects.create(
        action=action, practice=practice, submission=submission,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        source=source[:100], from_status=from_status or "", to_status=to_status or "",
        reason=reason or "",
    )


def locked(submission):
    """The submission's row locked until the transaction ends, its state and case copied
    onto `submission` (its data is the caller's): two moderators deciding at once see each
    other's decision, not a stale state."""
    current = Submission.objects.select_for_update().get(pk=submission.pk)
    submission.state = current.state
    submission.practice_id = current.practice_id
    return submission


def refuse_state(submission, *allowed):
    if submission.state not in allowed:
        raise ValidationError({"state": [_(
            "This submission is %(state)s: it cannot be changed that way now.")
            % {"state": submission.get_state_display()}]})
