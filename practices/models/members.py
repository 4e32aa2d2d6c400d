"""The network's members: a profile beside each account (the organisation a member represents,
and whether a moderator has let them in), and the invitations moderators send.

Roles are Django groups made by a migration (practices.domain.roles names them): member,
moderator, administrator. A person who signs up waits for a moderator's approval; one who
accepts an invitation is approved by it."""
from django.conf import settings
from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile",
        verbose_name=_("account"),
    )
    display_name = models.CharField(
        _("name shown"), max_length=150, blank=True,
        help_text=_("How your name appears on your profile and your cases."),
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True,
        help_text=_("The office, NGO or group you represent, if any, e.g. Urząd Gminy Supraśl."),
    )
    language = models.CharField(
        _("language of e-mails"), max_length=8, choices=settings.LANGUAGES, blank=True,
        help_text=_("The language of the messages the site sends you (approval, moderators' "
                    "decisions about your cases)."),
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("approved by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return self.display_name or self.user.get_username()

    @property
    def is_approved(self):
        return self.approved_at is not None


class Invitation(models.Model):
    """A moderator's invitation to one e-mail address; its token is the secret part of the
    link in the e-mail. Accepting it makes an approved member."""

    email = models.EmailField(_("e-mail address"))
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
        related_name="invitations_sent", verbose_name=_("invited by"),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("accepted by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return self.email
