"""How allauth treats our members (settings.ACCOUNT_ADAPTER): every new account gets a
Profile (name shown, organisation, the language it signed up in, for the site's e-mails) and
waits for approval, unless an invitation to its confirmed address approves it
(practices.accounts.membership)."""
from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from practices.accounts import membership
from practices.models import Profile


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            data = form.cleaned_data
            Profile.objects.update_or_create(
                user=user,
                defaults={
                    "display_name": data.get("display_name", ""),
                    "organisation": data.get("organisation", ""),
                    "language": translation.get_language() or "",
                },
            )
            # Signing up through an invitation's link proves the address (allauth's stashed
            # verified e-mail): the invitation is accepted at once.
            if user.email and self.is_email_verified(request, user.email):
                membership.accept_invitations(user, user.email)
        return user

    def confirm_email(self, request, email_address):
        confirmed = super().confirm_email(request, email_address)
        if confirmed:
            membership.accept_invitations(email_address.user, email_address.email)
        return confirmed
