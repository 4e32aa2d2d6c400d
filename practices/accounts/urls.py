"""Members' pages (namespace `accounts`), under i18n_patterns with translated paths;
allauth's own pages are mounted under `account/` by practices/pages/urls.py."""
from django.urls import path
from django.utils.translation import gettext_lazy as _

from practices.accounts import moderation, views

app_name = "accounts"

urlpatterns = [
    path(_("members/<int:pk>/"), views.ProfileView.as_view(), name="profile"),
    path(_("account/settings/"), views.SettingsView.as_view(), name="settings"),
    path(
        _("account/invitation/<str:token>/"), views.InvitationView.as_view(),
        name="invitation",
    ),
    path(_("moderation/members/"), moderation.MembersView.as_view(), name="moderation"),
    path(
        _("moderation/members/<int:pk>/approve/"),
        moderation.DecisionView.as_view(decision="approve"), name="approve",
    ),
    path(
        _("moderation/members/<int:pk>/refuse/"),
        moderation.DecisionView.as_view(decision="refuse"), name="refuse",
    ),
]
