"""The moderation queue's pages: the queue, a submission with its decisions, a case's history
with its restore, and the verification form. Every change is one call of practices.moderation;
a refused change (a missing reason, a decision already taken) shows the page again with the
message beside its field and HTTP 400, keeping what was typed."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView, View

from geodata.models import Municipality
from practices import moderation
from practices.models import ModerationEvent, ParticipationTool, Practice, Status, Submission
from practices.review import display
from practices.review.access import ModeratorRequired

PAGE_SIZE = 50
DECISIONS = {
    "publish": moderation.publish,
    "request_changes": moderation.request_changes,
    "reject": moderation.reject,
}


def _show_again(view_class, request, pk, errors):
    """The page of `view_class` for a refused POST: the errors beside their fields, HTTP 400."""
    view = view_class()
    view.setup(request, pk=pk)
    return view.get(request, pk, errors=errors, status=400)


def edit_url(submission):
    """The member form opened on this submission (a moderator may edit it there)."""
    try:
        return reverse("members:step", args=[submission.pk, "basics"])
    except NoReverseMatch:
        return ""


class QueueView(ModeratorRequired, ListView):
    """Submissions waiting for review, oldest first."""

    template_name = "review/queue.html"
    paginate_by = PAGE_SIZE
    context_object_name = "submissions"

    def get_queryset(self):
        return (Submission.objects.filter(state=Submission.State.SUBMITTED)
                .select_related("author").annotate(case_status=F("practice__status"))
                .defer("author__password").order_by("submitted_at", "pk"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["submissions"]
        tools = {tool.slug: tool.name for tool in ParticipationTool.objects.all()}
        codes = {s.data.get("municipality") for s in page if isinstance(
            s.data.get("municipality"), str)}
        gminy = dict(Municipality.objects.filter(teryt__in=codes).values_list("teryt", "name"))
        context["rows"] = [{
            "submission": submission,
            "title": str(submission),
            "tool": tools.get(submission.data.get("tool"), ""),
            "gmina": gminy.get(submission.data.get("municipality"), ""),
            "is_edit": submission.case_status == Status.PUBLISHED,
        } for submission in page]
        context["page_title"] = _("Moderation queue")
        return context


class SubmissionView(ModeratorRequired, TemplateView):
    """One submission: its data readable, the diff against the published version for an edit
    of a published case, its events, and the decision forms."""

    template_name = "review/submission.html"

    def get(self, request, pk, errors=None, status=200):
        submission = get_object_or_404(
            Submission.objects.select_related("author", "decided_by"), pk=pk)
        rows, data_errors = display.read_submission(submission)
        practice = (display.cases().filter(pk=submission.practice_id).first()
                    if submission.practice_id else None)
        is_edit = practice is not None and practice.status == Status.PUBLISHED
        context = self.get_context_data(
            submission=submission, practice=practice, rows=rows, data_errors=data_errors,
            is_edit=is_edit, waiting=submission.state == Submission.State.SUBMITTED,
            changes=display.diff(display.read_published(practice), rows) if is_edit else [],
            events=submission.events.select_related("actor")[:50],
            edit_url=edit_url(submission), errors=errors or {},
            typed=request.POST.get("reason", "") if errors else "",
            failed_action=request.POST.get("action", "") if errors else "",
            page_title=_("Submission: %(title)s") % {"title": submission},
        )
        return self.render_to_response(context, status=status)


class DecideView(ModeratorRequired, View):
    """POST: publish, ask for changes or reject (`action`), with `reason`."""

    def post(self, request, pk):
        submission = get_object_or_404(Submission, pk=pk)
        decide = DECISIONS.get(request.POST.get("action"))
        if decide is None:
            return _show_again(SubmissionView, request, pk, {
                "action": [_("Choose publish, ask for changes or reject.")]})
        try:
            decide(submission, actor=request.user, reason=request.POST.get("reason", ""))
        except ValidationError as error:
            return _show_again(SubmissionView, request, pk, error.message_dict)
        messages.success(request, {
            "publish": _("Published: %(title)s"),
            "request_changes": _("Sent back for changes: %(title)s"),
            "reject": _("Rejected: %(title)s"),
        }[request.POST["action"]] % {"title": submission})
        return HttpResponseRedirect(reverse("review:queue"))


class HistoryView(ModeratorRequired, TemplateView):
    """A case's versions, newest first, each with who, when, why and what changed."""

    template_name = "review/history.html"
    MAX_VERSIONS = 100

    def get(self, request, pk, errors=None, status=200):
        practice = get_object_or_404(display.cases(), pk=pk)
        versions = list(practice.history.select_related("history_user")
                        .order_by("-history_date", "-history_id")[:self.MAX_VERSIONS + 1])
        readings = display.read_versions(versions)
        shown = []
        for index, version in enumerate(versions[:self.MAX_VERSIONS]):
            rows = readings[index]
            previous = versions[index + 1] if index + 1 < len(versions) else None
            before = readings[index + 1] if previous else []
            shown.append({
                "version": version, "changes": display.diff(before, rows),
                "reason": _reason(version.history_change_reason),
                "status": dict(Status.choices).get(version.status, version.status),
                "is_first": previous is None,
            })
        events = ModerationEvent.objects.filter(practice=practice).select_related("actor")
        context = self.get_context_data(
            practice=practice, versions=shown, events=events[:100], errors=errors or {},
            verify_typed=request.POST.get("source", "") if errors else "",
            page_title=_("Case history: %(title)s") % {"title": practice.title},
        )
        return self.render_to_response(context, status=status)


def _reason(text):
    """A version's reason: the label of a moderation step, or the words a moderator typed."""
    action, _sep, rest = (text or "").partition(": ")
    labels = dict(ModerationEvent.Action.choices)
    if action in labels:
        return f"{labels[action]}: {rest}" if rest else str(labels[action])
    return labels.get(text, text or "")


class RestoreView(ModeratorRequired, View):
    def post(self, request, pk, history_id):
        practice = get_object_or_404(Practice, pk=pk)
        try:
            moderation.restore(practice, history_id, actor=request.user)
        except ValidationError as error:
            return _show_again(HistoryView, request, pk, error.message_dict)
        messages.success(request, _("The version has been restored."))
        return HttpResponseRedirect(reverse("review:history", args=[pk]))


class VerifyView(ModeratorRequired, View):
    """POST `source` to verify the case; `unverify` to remove the badge."""

    def post(self, request, pk):
        practice = get_object_or_404(Practice, pk=pk)
        try:
            if request.POST.get("unverify"):
                moderation.unverify(practice, actor=request.user)
                messages.success(request, _("The verification has been removed."))
            else:
                moderation.verify(practice, actor=request.user,
                                  source=request.POST.get("source", ""))
                messages.success(request, _("The case is marked as verified."))
        except ValidationError as error:
            return _show_again(HistoryView, request, pk, error.message_dict)
        return HttpResponseRedirect(reverse("review:history", args=[pk]))
