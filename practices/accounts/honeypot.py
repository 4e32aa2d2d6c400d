"""A honeypot field for the public forms (sign-up, log-in, password reset).

The field is visually hidden, hidden from assistive technology and out of the tab order
(templates/accounts/partials/honeypot.html), so a person never fills it; a bot that fills every
input does, and its form is refused with a generic error, without creating or sending
anything. Each refusal is logged."""
import logging

from django import forms
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("practices.accounts")

HONEYPOT_FIELD = "website"


class HoneypotMixin(forms.Form):
    website = forms.CharField(
        required=False, label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_website(self):
        value = self.cleaned_data.get(HONEYPOT_FIELD, "")
        if value:
            request = getattr(self, "request", None)
            logger.warning(
                "Honeypot field filled in %s from %s: refused",
                type(self).__name__,
                request.META.get("REMOTE_ADDR") if request is not None else "?",
            )
            raise forms.ValidationError(
                _("The form could not be sent. Please try again."), code="honeypot"
            )
        return value
