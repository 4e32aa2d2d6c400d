"""Who gets into the moderation queue: users with `practices.moderate_practice` (moderators
and administrators). Anyone else signed in gets 403; an anonymous visitor is sent to log in
(allauth's page once it is installed, else settings.LOGIN_URL) and brought back."""
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse

from practices import moderation


def login_url():
    try:
        return reverse("account_login")
    except NoReverseMatch:
        return settings.LOGIN_URL


class ModeratorRequired:
    """A view mixin: only moderators pass."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url())
        if not moderation.is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
