"""The moderators' pages about members: people waiting for approval (approve or refuse; the
person is e-mailed), invitations to send, and those not yet accepted. Only for holders of
`practices.moderate_practice`: anonymous visitors are sent to sign in, members get 403."""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from practices.accounts import membership
from practices.accounts.forms import InvitationForm
from practices.domain.roles import MODERATE


class ModeratorRequired(PermissionRequiredMixin):
    permission_required = MODERATE

    def handle_no_permission(self):
        # Signed-in members get 403 rather than the sign-in form again.
        self.raise_exception = self.request.user.is_authenticated
        return super().handle_no_permission()


class MembersView(ModeratorRequired, FormView):
    """The list of pending accounts and outstanding invitations, and the invitation form
    (POST sends one)."""

    template_name = "accounts/moderation.html"
    form_class = InvitationForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page_title=_("Members: approval and invitations"),
            pending=membership.pending_profiles(),
            invitations=membership.outstanding_invitations(),
            invitation_days=settings.MAPA_INVITATION_DAYS,
        )
        return context

    def form_valid(self, form):
        invitation = membership.invite(
            email=form.cleaned_data["email"], organisation=form.cleaned_data["organisation"],
            by=self.request.user, request=self.request,
        )
        messages.success(
            self.request, _("The invitation has been sent to %(email)s.") % {
                "email": invitation.email,
            },
        )
        return redirect("accounts:moderation")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class DecisionView(ModeratorRequired, View):
    """POST only: approve or refuse one pending account."""

    decision = None  # "approve" or "refuse"

    def post(self, request, pk):
        profile = get_object_or_404(membership.pending_profiles(), pk=pk)
        if self.decision == "approve":
            membership.approve(profile, by=request.user, request=request)
            text = _("%(name)s is now a member of the network and has been told by e-mail.")
        else:
            membership.refuse(profile, by=request.user, request=request)
            text = _("The request of %(name)s has been refused and they have been told by "
                     "e-mail.")
        messages.success(request, text % {"name": profile.display_name or profile.user.email})
        return redirect("accounts:moderation")


