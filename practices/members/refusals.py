"""Refusals that keep the member's work: a honeypot filled in, the cap on open submissions,
the rate limit on submissions, a submission that cannot be changed now. Each is a page saying
what happened and what to do; drafts stay as they were (autosave keeps working)."""
import logging

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django_ratelimit.core import is_ratelimited

from practices.forms.base import HONEYPOT
from practices.models import Submission

log = logging.getLogger("mapa.members")

# Submissions that count against the cap: still being written or waiting for a moderator.
COUNTED_STATES = (*Submission.OPEN_STATES, Submission.State.SUBMITTED)


def refuse(request, message, status, title=None):
    return render(request, "members/refused.html", {
        "page_title": title or pgettext("case form", "Not saved"), "message": message,
    }, status=status)


def honeypot_filled(request, values=None):
    """True (and logged) when the field no person sees was filled in."""
    value = (values if values is not None else request.POST).get(HONEYPOT, "")
    if isinstance(value, list):
        value = "".join(str(item) for item in value)
    if not str(value).strip():
        return False
    log.warning("Honeypot filled: refused without saving", extra={
        "path": request.path, "user": getattr(request.user, "pk", None),
    })
    return True


def honeypot_refusal(request):
    return refuse(request, _("The form contained a field that people do not fill in, so it "
                             "was not saved. If you are a person, reload the page and try "
                             "again."), 400)


def over_cap(user):
    limit = settings.MAPA_MAX_OPEN_SUBMISSIONS
    return Submission.objects.filter(author=user, state__in=COUNTED_STATES).count() >= limit


def cap_refusal(request):
    return refuse(request, _(
        "You already have %(limit)s open submissions (drafts, or waiting for review). Finish, "
        "send or withdraw one of them before starting another."
    ) % {"limit": settings.MAPA_MAX_OPEN_SUBMISSIONS}, 403, _("Too many open submissions"))


def submit_limited(request):
    """Counts a submission and says whether the member is over the rate (per account)."""
    return is_ratelimited(
        request, group="members.submit", key="user", rate=settings.MAPA_SUBMIT_RATE,
        method="POST", increment=True,
    )


def rate_refusal(request):
    return refuse(request, _(
        "You have sent many cases in a short time. Wait an hour and send this one again: "
        "your draft is saved and nothing is lost."
    ), 429, _("Too many submissions"))
