"""The step-by-step case form: tool → basic information → the tool's facts → place →
sources and media → preview → submit.

Every POST first stores what was typed in the step (valid or not) into `Submission.data`;
"Dalej" then validates the step and moves on or shows the errors next to the fields, "Wstecz"
goes back and "Zapisz szkic" stays. Only the service (practices.moderation) changes a
submission's state."""
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from practices.domain.choices import Licence
from practices.forms.basics import ToolForm
from practices.members import form_page, refusals
from practices.members.access import (
    is_moderator,
    may_edit,
    member_required,
    open_submission,
    title_of,
)
from practices.members.preview import preview_context, submit
from practices.members.steps import BY_SLUG, STEPS, build, neighbours, save_step, tool_of
from practices.models import Submission


def step_url(submission, slug):
    return reverse("members:step", args=[submission.pk, slug])


@member_required
def new(request):
    """The first step of a new case: the submission is made once a tool is chosen."""
    if request.method == "POST":
        if refusals.honeypot_filled(request):
            return refusals.honeypot_refusal(request)
        if refusals.over_cap(request.user):
            return refusals.cap_refusal(request)
        form = ToolForm(request.POST)
        if form.is_valid():
            submission = Submission.objects.create(
                author=request.user, step="basics",
                data={"tool": form.cleaned_data["tool"], "licence": Licence.CC_BY},
            )
            return redirect(step_url(submission, "basics"))
        status = 400
    else:
        form, status = ToolForm(), 200
    form_page.describe(form)
    return render(request, "members/new.html", {
        "page_title": pgettext("case form", "New case"), "form": form, "step": STEPS[0],
        "errors": form_page.error_summary(form), "intro": ToolForm.intro,
    }, status=status)


def _context(request, submission, step, form=None, formset=None):
    editable = may_edit(request.user, submission)
    form_page.describe(form)
    if formset is not None:
        for each in formset.forms:
            form_page.describe(each)
    before, after = neighbours(step.slug)
    context = {
        "page_title": f"{step.title} · {title_of(submission)}", "case_title": title_of(submission),
        "submission": submission, "step": step, "form": form, "formset": formset,
        "intro": getattr(step.form_class, "intro", ""),
        "steps": form_page.step_links(submission, step.slug),
        "before": before, "after": after,
        "editable": editable,
        "is_moderator_edit": editable and submission.author_id != request.user.pk,
        "errors": form_page.error_summary(form, formset),
        "config": form_page.script_config(request, submission, step.slug),
    }
    if step.slug == "sources":
        context["media_widget"] = form_page.media_widget_available()
    if step.slug == "place":
        context["place_config"] = place_config()
    if step.slug == "preview":
        context.update(preview_context(request, submission))
    try:
        context["review_url"] = reverse("review:submission", args=[submission.pk])
    except NoReverseMatch:
        context["review_url"] = ""
    return context


def place_config():
    from geodata.basemap import base_map_config

    return base_map_config(
        searchUrl=reverse("members:gmina-search"), atUrl=reverse("members:gmina-at"),
        messages={
            "noResults": _("No gmina found. Type a name (e.g. Supraśl) or a TERYT code."),
            "results": _("Gminy found: %(count)s. Use the up and down arrows to choose."),
            "chosen": _("Chosen gmina: %(label)s."),
            "pointIn": _("The point lies in the gmina %(label)s; it was chosen."),
            "pointOutside": _("The point lies outside every gmina in the register."),
            "mapLabel": _("Map: click to mark the place of the case"),
        },
    )


@member_required
def step_view(request, pk, step):
    submission = open_submission(request.user, pk)
    step = BY_SLUG.get(step)
    if step is None:
        raise Http404("No such step")
    if request.method == "POST":
        return _post(request, submission, step)
    if step.slug == "facts" and not tool_of(submission.data):
        messages.info(request, _("Choose the tool first: its facts depend on it."))
        return redirect(step_url(submission, "tool"))
    if step.form_class is None:
        return render(request, step.template, _context(request, submission, step))
    form, formset = build(step, submission.data)
    return render(request, step.template, _context(request, submission, step, form, formset))


def _post(request, submission, step):
    if refusals.honeypot_filled(request):
        return refusals.honeypot_refusal(request)
    if not may_edit(request.user, submission):
        return refusals.refuse(request, _(
            "This submission cannot be changed now (it is %(state)s). To change a submission "
            "waiting for review, withdraw it first in “My cases”."
        ) % {"state": submission.get_state_display()}, 409)
    action = request.POST.get("action", "next")
    before, after = neighbours(step.slug)
    if step.slug == "preview":
        if action == "back":
            return redirect(step_url(submission, before))
        if action != "submit" or is_moderator(request.user) and (
                submission.author_id != request.user.pk):
            return redirect(step_url(submission, "preview"))
        return submit(request, submission, _context)
    save_step(submission, step, request.POST)
    if action == "back" and before:
        return redirect(step_url(submission, before))
    if action in ("save", "add"):
        messages.success(request, pgettext("case form", "Draft saved."))
        anchor = "#links" if action == "add" else ""
        return redirect(step_url(submission, step.slug) + anchor)
    form, formset = build(step, submission.data, post=request.POST)
    valid = form.is_valid() and (formset is None or formset.is_valid())
    if valid:
        return redirect(step_url(submission, after))
    return render(request, step.template, _context(request, submission, step, form, formset),
                  status=400)
