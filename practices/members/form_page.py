"""What every page of the case form shows: the steps, the error summary, the fields'
accessible descriptions and the configuration of the autosave script."""
from django import forms
from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.urls import reverse
from django.utils.translation import gettext as _

from practices.forms.base import HONEYPOT
from practices.members.steps import STEPS

MEDIA_WIDGET = "media/upload_widget.html"


def media_widget_available():
    """The media upload widget lands from another part of the project: shown when present."""
    try:
        select_template([MEDIA_WIDGET])
    except TemplateDoesNotExist:
        return False
    return True


def describe(form):
    """Links each input to its help text and errors (aria-describedby, aria-invalid)."""
    if form is None:
        return
    for name, field in form.fields.items():
        bound = form[name]
        ids = []
        if field.help_text:
            ids.append(f"{bound.auto_id}_helptext")
        if form.is_bound and bound.errors:
            ids.append(f"{bound.auto_id}_error")
            field.widget.attrs["aria-invalid"] = "true"
        if ids:
            field.widget.attrs["aria-describedby"] = " ".join(ids)


def error_summary(form, formset=None):
    """[(input id, label, message)] of every error, for the summary at the top."""
    items = []
    forms_ = [form] if form is not None else []
    if formset is not None:
        forms_ += list(formset.forms)
        items += [("", "", message) for message in formset.non_form_errors()]
    for each in forms_:
        if not each.is_bound:
            continue
        for message in each.non_field_errors():
            items.append(("", "", message))
        for name, errors in each.errors.items():
            if name == "__all__":
                continue
            bound = each[name]
            target = bound.auto_id
            if isinstance(bound.field.widget, forms.RadioSelect):
                target = f"{bound.auto_id}_0"  # the first option (radios and checkboxes)
            items += [(target, bound.label, message) for message in errors]
    return items


def step_links(submission, current):
    return [
        {"slug": step.slug, "title": step.title, "number": number,
         "url": reverse("members:step", args=[submission.pk, step.slug]),
         "current": step.slug == current}
        for number, step in enumerate(STEPS, 1)
    ]


def script_config(request, submission, step):
    """What static/js/members/case-form.js starts from (through json_script)."""
    return {
        "submission": submission.pk,
        "step": step,
        "autosaveUrl": reverse("members:autosave", args=[submission.pk]),
        "updatedAt": int(submission.updated_at.timestamp() * 1000),
        "loginUrl": f"{settings.LOGIN_URL}?next={request.path}",
        "honeypot": HONEYPOT,
        "messages": {
            "saving": _("Saving…"),
            "saved": _("Saved at %(time)s"),
            "failed": _("Not saved to the server (%(reason)s). A copy is kept in this "
                        "browser; it will be saved when the connection returns."),
            "expired": _("Your session has expired. Your text is kept in this browser: sign "
                         "in again and come back to this page."),
            "restored": _("Changes that had not reached the server were restored from this "
                          "browser. They are being saved now."),
            "offline": _("no connection"),
            "server": _("server error"),
        },
    }
