"""A member's public profile, their own settings, and the landing page of an invitation link.

The profile shows only what is public: the name shown, the organisation and the member's
published cases (never drafts, submissions or anything else; never the e-mail address or the
user name). Only members have one: an account a moderator approved, or one with a published
case; a person still waiting for approval (or refused) has no public page, so a sign-up alone
cannot publish a name or an organisation."""
from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views import View
from django.views.generic import TemplateView, UpdateView

from practices.accounts import membership
from practices.accounts.forms import ProfileForm
from practices.domain.roles import is_approved_member
from practices.models import Practice, Profile


def public_name(user, profile):
    if profile is not None and profile.display_name:
        return profile.display_name
    return _("Network member no. %(number)s") % {"number": user.pk}


class ProfileView(TemplateView):
    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = get_object_or_404(get_user_model(), pk=self.kwargs["pk"], is_active=True)
        profile = Profile.objects.filter(user=user).first()
        cases = (
            Practice.objects.published().filter(author=user)
            .select_related("municipality", "tool").order_by("-year", "title")
        )
        if not (is_approved_member(user) or cases.exists()):
            raise Http404("Not a member of the network")
        name = public_name(user, profile)
        context.update(
            member=user, profile=profile, member_name=name, page_title=name, cases=cases,
        )
        return context


class SettingsView(LoginRequiredMixin, UpdateView):
    template_name = "accounts/settings.html"
    form_class = ProfileForm

    def get_object(self, queryset=None):
        return membership.profile_of(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page_title=pgettext("accounts", "Your account"),
            approved=is_approved_member(self.request.user),
        )
        return context

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("Your profile has been saved."))
        return redirect("accounts:settings")


class InvitationView(View):
    """The link of an invitation e-mail: it proves the address (allauth then counts it as
    confirmed) and opens the sign-up form with it filled in."""

    def get(self, request, token):
        invitation = membership.usable_invitation(token)
        if invitation is None:
            return render(request, "accounts/invitation_invalid.html", {
                "page_title": _("This invitation cannot be used"),
            }, status=404)
        if request.user.is_authenticated:
            messages.info(request, _("You are already signed in."))
            return redirect("accounts:settings")
        get_adapter(request).stash_verified_email(request, invitation.email)
        request.session[membership.INVITATION_SESSION_KEY] = invitation.organisation
        return redirect(reverse("account_signup"))
