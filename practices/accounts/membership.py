"""Who is let into the network: approval of people who signed up, and invitations.

Rules:
- A person who signs up gets a Profile without `approved_at`: signed in, but not yet a member
  who may submit cases (practices.domain.roles.is_approved_member).
- A moderator approves (the person joins the `member` group and is e-mailed) or refuses (the
  account is deactivated, which keeps its address from signing up again, and the person is
  e-mailed).
- A moderator invites an e-mail address. The link carries `Invitation.token` and is valid for
  settings.MAPA_INVITATION_DAYS days. Once that address is confirmed for an account (by
  signing up through the link, or by confirming the address later), the newest outstanding
  invitation for it is accepted and the account is approved by the one who invited it.
"""
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from practices.addresses import site_root
from practices.domain.roles import Role
from practices.models import Invitation, Profile

# What secrets.token_urlsafe makes (Invitation.token holds at most 64 characters).
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,64}")
# The organisation of the invitation being accepted, kept for the sign-up form.
INVITATION_SESSION_KEY = "mapa_invitation_organisation"


def profile_of(user):
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


def pending_profiles():
    """Accounts waiting for approval, oldest first: active, address confirmed, not approved."""
    return (
        Profile.objects.filter(approved_at=None, user__is_active=True)
        .filter(user__emailaddress__verified=True).distinct()
        .select_related("user").order_by("created_at")
    )


def outstanding_invitations():
    return Invitation.objects.filter(
        accepted_at=None, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def mail(request, template, to, context, language=None):
    """Send `accounts/email/<template>_subject.txt` and `_message.txt` to one address, in
    `language` (a member's, from the profile) or else the request's."""
    context = {**context, "site_root": site_root(request)}
    with translation.override(language or translation.get_language()):
        subject = " ".join(
            render_to_string(f"accounts/email/{template}_subject.txt", context).split())
        body = render_to_string(f"accounts/email/{template}_message.txt", context)
    send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [to])


@transaction.atomic
def approve(profile, *, by, request=None):
    """Let a member in: approved now by `by`, in the `member` group; e-mailed when `request`
    is given (the links in the mail are built from it)."""
    profile.approved_at = timezone.now()
    profile.approved_by = by
    profile.save(update_fields=["approved_at", "approved_by"])
    group, _created = Group.objects.get_or_create(name=Role.MEMBER)
    profile.user.groups.add(group)
    if request is not None and profile.user.email:
        mail(request, "approved", profile.user.email, {"profile": profile},
             language=profile.language)


@transaction.atomic
def refuse(profile, *, by, request=None):
    """Refuse a request to join: the account is deactivated (it cannot sign in, and its
    address cannot sign up again) and the person is e-mailed."""
    user = profile.user
    user.is_active = False
    user.save(update_fields=["is_active"])
    if request is not None and user.email:
        mail(request, "refused", user.email, {"profile": profile}, language=profile.language)


def invite(*, email, organisation, by, request):
    """Create an invitation and e-mail its link."""
    invitation = Invitation.objects.create(
        email=email, organisation=organisation, invited_by=by,
        token=secrets.token_urlsafe(32),
        expires_at=timezone.now() + timedelta(days=settings.MAPA_INVITATION_DAYS),
    )
    link = site_root(request) + reverse("accounts:invitation", args=[invitation.token])
    mail(request, "invitation", email, {"invitation": invitation, "link": link})
    return invitation


def usable_invitation(token):
    """The outstanding, unexpired invitation with this token, or None (also for anything that
    is not shaped like a token: PostgreSQL refuses some characters, such as NUL)."""
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    return outstanding_invitations().filter(token=token).first()


@transaction.atomic
def accept_invitations(user, email):
    """Called when `email` is confirmed for `user`: accept the newest outstanding invitation
    to that address, approving the account by its inviter. Returns the invitation or None."""
    invitation = (
        outstanding_invitations().select_for_update(of=("self",))
        .filter(email__iexact=email).order_by("-created_at").first()
    )
    if invitation is None:
        return None
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    profile = profile_of(user)
    if not profile.organisation and invitation.organisation:
        profile.organisation = invitation.organisation
        profile.save(update_fields=["organisation"])
    if profile.approved_at is None:
        approve(profile, by=invitation.invited_by)
    return invitation
