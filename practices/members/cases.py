"""“My cases”: the member's submissions and cases, with their state, the last change, the
moderator's comment and what can be done next (continue, withdraw, edit a published case)."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_POST

from practices.domain.choices import Status
from practices.forms.data import data_from_practice
from practices.members import refusals
from practices.members.access import member_required, title_of
from practices.models import Practice, Submission

State = Submission.State
STATE_LABELS = {
    State.DRAFT: pgettext_lazy("submission state", "draft"),
    State.SUBMITTED: pgettext_lazy("submission state", "waiting for review"),
    State.CHANGES_REQUESTED: pgettext_lazy("submission state", "changes requested"),
    State.APPROVED: pgettext_lazy("submission state", "approved"),
    State.REJECTED: pgettext_lazy("submission state", "rejected"),
    State.WITHDRAWN: pgettext_lazy("submission state", "withdrawn"),
}
STATUS_LABELS = {
    Status.DRAFT: pgettext_lazy("case status", "draft"),
    Status.SUBMITTED: pgettext_lazy("case status", "waiting for review"),
    Status.CHANGES_REQUESTED: pgettext_lazy("case status", "changes requested"),
    Status.PUBLISHED: pgettext_lazy("case status", "published"),
    Status.REJECTED: pgettext_lazy("case status", "rejected"),
    Status.ARCHIVED: pgettext_lazy("case status", "archived"),
}
WORKING_STATES = (State.DRAFT, State.CHANGES_REQUESTED, State.SUBMITTED)


@member_required(waiting_status=200)
def my_cases(request):
    submissions = list(
        Submission.objects.filter(author=request.user)
        .select_related("practice").order_by("-updated_at")
    )
    working = {s.practice_id for s in submissions if s.practice_id and s.state in WORKING_STATES}
    # A new case is listed once, as its submission: its Practice (made on the first sending,
    # never published) is the same case, not a published one being edited.
    new_cases = {s.practice_id for s in submissions
                 if s.practice_id and s.state != State.APPROVED and not s.is_edit_of_published}
    rows = []
    for submission in submissions:
        if submission.state == State.APPROVED:
            continue  # the case itself is listed below
        rows.append({
            "title": title_of(submission), "kind": "submission", "state": submission.state,
            "label": STATE_LABELS.get(submission.state, submission.state),
            "is_edit": submission.is_edit_of_published,
            "changed": submission.updated_at, "comment": submission.moderator_comment,
            "continue_url": reverse("members:step", args=[
                submission.pk, submission.step or "basics"])
            if submission.state in Submission.OPEN_STATES else "",
            "view_url": reverse("members:step", args=[submission.pk, "preview"]),
            "withdraw_url": reverse("members:withdraw", args=[submission.pk])
            if submission.state in WORKING_STATES else "",
        })
    for practice in Practice.objects.filter(author=request.user).select_related("tool"):
        if practice.pk in new_cases:
            continue
        rows.append({
            "title": practice.title, "kind": "case", "state": practice.status,
            "label": STATUS_LABELS.get(practice.status, practice.status),
            "changed": practice.updated_at, "comment": "",
            "view_url": practice.get_absolute_url(),
            "edit_url": reverse("members:edit", args=[practice.pk])
            if practice.status == Status.PUBLISHED and practice.pk not in working else "",
            "edit_pending": practice.pk in working,
        })
    rows.sort(key=lambda row: row["changed"], reverse=True)
    return render(request, "members/cases.html", {
        "page_title": pgettext("case form", "My cases"), "rows": rows,
    })


@member_required
def edit(request, pk):
    """Opens the member's working submission for their case, or makes one from the case's
    current values; the published case stays as it is until a moderator approves the edit."""
    practice = get_object_or_404(Practice.objects.select_related("tool"), pk=pk,
                                 author=request.user)
    submission = (
        Submission.objects.filter(author=request.user, practice=practice,
                                  state__in=WORKING_STATES).order_by("-updated_at").first()
    )
    if submission is None:
        if practice.status != Status.PUBLISHED:
            raise Http404("Only a published case is edited through a new submission")
        if refusals.over_cap(request.user):
            return refusals.cap_refusal(request)
        submission = Submission.objects.create(
            author=request.user, practice=practice, data=data_from_practice(practice),
            step="basics",
        )
    open_ = submission.state in Submission.OPEN_STATES
    slug = (submission.step or "basics") if open_ else "preview"
    return redirect("members:step", submission.pk, slug)


@require_POST
@member_required
def withdraw(request, pk):
    submission = get_object_or_404(Submission, pk=pk, author=request.user)
    from practices import moderation

    try:
        moderation.withdraw(submission, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The submission was withdrawn."))
    return redirect("members:cases")
