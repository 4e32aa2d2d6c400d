"""The account forms: allauth's, with the honeypot and the member's profile fields, and the
forms of the member's settings and of the moderators' invitations."""
from allauth.account import forms as allauth_forms
from allauth.core import context
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from practices.accounts.fields import AccessibleFormMixin
from practices.accounts.honeypot import HoneypotMixin
from practices.accounts.membership import INVITATION_SESSION_KEY
from practices.models import Profile

DISPLAY_NAME_HELP = _("Shown on your profile and your cases, e.g. Anna Kowalska.")
ORGANISATION_HELP = _(
    "The office, NGO or group you represent, if any, e.g. Urząd Gminy Supraśl."
)


class LoginForm(AccessibleFormMixin, HoneypotMixin, allauth_forms.LoginForm):
    pass


class SignupForm(AccessibleFormMixin, HoneypotMixin, allauth_forms.SignupForm):
    display_name = forms.CharField(
        label=pgettext_lazy("accounts", "Your name"), max_length=150,
        help_text=DISPLAY_NAME_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"), max_length=200, required=False,
        help_text=ORGANISATION_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = context.request
        if not self.is_bound and request is not None and hasattr(request, "session"):
            # Opened from an invitation's link: its organisation is filled in.
            self.fields["organisation"].initial = request.session.get(INVITATION_SESSION_KEY, "")


class ResetPasswordForm(AccessibleFormMixin, HoneypotMixin, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(AccessibleFormMixin, allauth_forms.ResetPasswordKeyForm):
    pass


class ProfileForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["display_name", "organisation", "language"]
        help_texts = {"display_name": DISPLAY_NAME_HELP, "organisation": ORGANISATION_HELP}
        labels = {
            "display_name": pgettext_lazy("accounts", "Your name"),
            "organisation": _("Organisation (optional)"),
            "language": _("Language of e-mails"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        # Always one of ours: an account made before the choice existed shows Polish.
        self.fields["language"].required = True
        # Each language in its own name, so that a reader of either finds theirs.
        self.fields["language"].choices = [
            (code, get_language_info(code)["name_local"])
            for code, _name in self.fields["language"].choices if code]
        if not self.initial.get("language"):
            self.initial["language"] = "pl"


class InvitationForm(AccessibleFormMixin, forms.Form):
    email = forms.EmailField(
        label=pgettext_lazy("accounts", "E-mail address"), max_length=254,
        help_text=_("The invitation link goes to this address, e.g. sekretariat@suprasl.pl."),
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"), max_length=200, required=False,
        help_text=_("Filled in on the new member's profile; they can change it."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("An account with this address already exists: approve it instead of "
                  "inviting it."),
                code="exists",
            )
        return email
