"""E-mails to a case's author about each decision (published, edit approved, changes asked
for, rejected, verified), with its reason.

Policy: sent only after the transaction commits (a decision rolled back sends nothing), in the
author's language when the account says which (a `language` on the profile), else Polish,
through django.core.mail (the console in development, SMTP in production). An author without
an e-mail address gets nothing; a failure to send is logged, never undoes the decision."""
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from practices.moderation.events import Action

logger = logging.getLogger(__name__)

SUBJECTS = {
    Action.PUBLISHED: lambda: _("Your case has been published: %(title)s"),
    Action.EDIT_APPROVED: lambda: _("Your changes have been published: %(title)s"),
    Action.CHANGES_REQUESTED: lambda: _("Your case needs changes: %(title)s"),
    Action.REJECTED: lambda: _("Your case has not been accepted: %(title)s"),
    Action.VERIFIED: lambda: _("Your case has been verified against an official source: "
                               "%(title)s"),
}
LANGUAGES = {code for code, _name in settings.LANGUAGES}


def author_language(user):
    """The author's language if the account states one we speak, else Polish."""
    language = getattr(getattr(user, "profile", None), "language", "") or ""
    return language if language in LANGUAGES else "pl"


def _absolute(path):
    return f"{settings.MAPA_SITE_URL}{path}" if path else ""


def _my_cases_url():
    try:
        return reverse("members:cases")
    except NoReverseMatch:
        return ""


def notify_author(action, *, practice, user, reason=""):
    """Queue the e-mail about `action` to `user` (the author) for after the commit."""
    if action not in SUBJECTS or user is None or not user.email:
        return
    language = author_language(user)
    with translation.override(language):
        context = {
            "title": practice.title,
            "reason": reason,
            "case_url": _absolute(practice.get_absolute_url()) if practice.slug else "",
            "my_cases_url": _absolute(_my_cases_url()),
            "name": user.get_full_name() or user.get_username(),
            "source": practice.verified_source,
        }
        subject = SUBJECTS[action]() % {"title": practice.title}
        body = render_to_string(f"emails/moderation/{action}.txt", context)
    subject = " ".join(subject.split())[:200]
    recipient = user.email

    def send():
        try:
            send_mail(subject, body, None, [recipient])
        except Exception:  # an unreachable mail server must not turn a decision into an error
            logger.exception("Could not e-mail %s about a moderation decision", recipient)

    transaction.on_commit(send)
