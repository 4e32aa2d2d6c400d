"""The preview (the case as its public page will show it, with what is still missing) and
the submission to moderation through the service."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from practices.domain.facts import display_facts
from practices.domain.markdown import render_markdown
from practices.forms.data import preview_case
from practices.members import refusals
from practices.members.steps import BY_SLUG, STEPS, build, field_id, step_of, tool_of
from practices.models import PracticeLink


def as_post(step, data):
    """The stored data of a step as the POST that would have typed it."""
    kwargs = {"tool": tool_of(data)} if step.slug == "facts" else {}
    initial = step.form_class.initial_from(data, **kwargs)
    post = QueryDict(mutable=True)
    prefix = "facts-" if step.slug == "facts" else ""
    for key, value in initial.items():
        for item in value if isinstance(value, list) else [value]:
            post.appendlist(prefix + key, "" if item is None else str(item))
    return post


def step_problems(submission):
    """[(step, [(label, message)])] of the steps whose stored values do not pass."""
    problems = []
    for step in STEPS:
        if step.form_class is None or step.slug == "sources":
            continue
        if step.slug == "facts" and not tool_of(submission.data):
            continue
        form, _formset = build(step, submission.data, post=as_post(step, submission.data))
        if not form.is_valid():
            problems.append((step, [
                (str(form[name].label) if name in form.fields else "", message)
                for name, errors in form.errors.items() for message in errors
            ]))
    return problems


def preview_context(request, submission):
    practice, links = preview_case(submission.data)
    shown = practice.tool_id is not None and practice.municipality_id is not None
    return {
        "practice": practice,
        "complete": shown,
        "facts": display_facts(practice) if shown else [],
        "description_html": render_markdown(practice.description),
        "sources": [link for link in links if link.kind == PracticeLink.Kind.SOURCE],
        "other_links": [link for link in links if link.kind == PracticeLink.Kind.LINK],
        "problems": step_problems(submission),
        "step_urls": {
            step.slug: reverse("members:step", args=[submission.pk, step.slug])
            for step in STEPS
        },
    }


def service_errors(submission, error):
    """The service's errors ({data key: messages}) as (step title, link, message)."""
    by_key = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    items = []
    for key, messages_ in by_key.items():
        step = BY_SLUG[step_of(key or "title")]
        url = reverse("members:step", args=[submission.pk, step.slug]) + "#" + field_id(key)
        items += [(step.title, url, message) for message in messages_]
    return items


def send(submission, actor):
    """The service's submit: it validates the data completely and changes the state."""
    from practices import moderation

    moderation.submit(submission, actor=actor)


def submit(request, submission, context_of):
    """Sends the submission to moderation: rate-limited per member; the service validates
    the data completely and its errors are listed with links to their steps."""
    if refusals.submit_limited(request):
        return refusals.rate_refusal(request)
    try:
        send(submission, request.user)
    except ValidationError as error:
        context = context_of(request, submission, BY_SLUG["preview"])
        context["submit_errors"] = service_errors(submission, error)
        return render(request, "members/preview.html", context, status=400)
    messages.success(request, _("Your case was sent to the moderators. You will get an "
                                "e-mail when they decide."))
    return redirect("members:cases")
