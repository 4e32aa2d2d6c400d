"""Who may use the case form and open which submission.

Policy:
- Only signed-in members whom a moderator has approved (`Profile.approved_at`) may write
  cases; the others see a page saying they wait for approval. Moderators and staff are always
  allowed. A profile missing for an older account is created on the first visit.
- A member opens only their own submissions (others answer 404, so their existence does not
  leak) and changes them only while they are open (a draft, or changes requested).
- A moderator opens any submission that has been submitted (never another member's draft),
  and may change one waiting for review before publishing it."""
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from practices.domain.roles import is_approved_member, is_moderator
from practices.models import Profile, Submission


def is_approved(user):
    """practices.domain.roles' rule, after creating the profile an older account lacks."""
    if not is_moderator(user):
        Profile.objects.get_or_create(user=user)
    return is_approved_member(user)


def member_required(view=None, *, waiting_status=403):
    """Signed in (else to the log-in page and back) and approved (else the waiting page, with
    `waiting_status`: 200 where a member lands after signing in, 403 on the form itself)."""
    if view is None:
        return lambda view: member_required(view, waiting_status=waiting_status)

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_approved(request.user):
            return render(request, "members/awaiting_approval.html", status=waiting_status)
        return view(request, *args, **kwargs)
    return wrapped


def may_open(user, submission):
    if submission.author_id == user.pk:
        return True
    return is_moderator(user) and submission.state != Submission.State.DRAFT


def may_edit(user, submission):
    if submission.author_id == user.pk:
        return submission.state in Submission.OPEN_STATES
    return is_moderator(user) and submission.state == Submission.State.SUBMITTED


def title_of(submission):
    """The case's title as typed, or a placeholder while there is none."""
    title = submission.data.get("title") if isinstance(submission.data, dict) else None
    if isinstance(title, str) and title.strip():
        return title
    return _("(no title yet)")


def open_submission(user, pk):
    """The submission `pk` if `user` may open it, else Http404."""
    submission = (
        Submission.objects.select_related("practice", "author").filter(pk=pk).first()
    )
    if submission is None or not may_open(user, submission):
        raise Http404("No such submission")
    return submission
