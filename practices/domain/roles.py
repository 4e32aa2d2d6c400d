"""The network's roles, as Django groups made by migration 0008_accounts_roles, and the rule of
who counts as an approved member.

- member ("członek sieci"): works through the site only (submissions, profile); no admin
  permission. An approved member joins this group.
- moderator: `practices.moderate_practice` and view/change of cases, submissions, moderation
  events, profiles and invitations.
- administrator: every permission of practices, geodata and auth.
"""
from django.db import models
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    """The group names (stable: the migration creates them, code looks them up)."""

    MEMBER = "member", pgettext_lazy("role", "network member")
    MODERATOR = "moderator", pgettext_lazy("role", "moderator")
    ADMINISTRATOR = "administrator", pgettext_lazy("role", "administrator")


MODERATE = "practices.moderate_practice"


def is_moderator(user):
    """Moderators, administrators (superusers) and anyone given the moderation permission."""
    return bool(getattr(user, "is_authenticated", False) and user.has_perm(MODERATE))


def is_approved_member(user):
    """Policy: a signed-in, active account whose profile a moderator approved (or an
    invitation approved). Moderators count as approved whatever their profile says."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if is_moderator(user):
        return True
    profile = getattr(user, "profile", None)
    return profile is not None and profile.approved_at is not None


# What each group may do (codenames of practices' models, or whole apps).
MODERATOR_CODENAMES = ["moderate_practice"] + [
    f"{action}_{model}"
    for model in ("practice", "submission", "moderationevent", "profile", "invitation")
    for action in ("view", "change")
]
ADMINISTRATOR_APPS = ("practices", "geodata", "auth")


def load_roles(group_model, permission_model):
    """Create the three groups with their permissions (Group and Permission, or their
    historical versions in a migration); idempotent. Permissions that do not exist yet are
    simply not granted: call it after the permissions are created."""
    group_model.objects.get_or_create(name=Role.MEMBER)
    moderator, _created = group_model.objects.get_or_create(name=Role.MODERATOR)
    moderator.permissions.set(
        permission_model.objects.filter(
            content_type__app_label="practices", codename__in=MODERATOR_CODENAMES
        )
    )
    administrator, _created = group_model.objects.get_or_create(name=Role.ADMINISTRATOR)
    administrator.permissions.set(
        permission_model.objects.filter(content_type__app_label__in=ADMINISTRATOR_APPS)
    )
