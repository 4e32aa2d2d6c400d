"""What members write and what moderators decide.

A `Submission` is a member's working copy of one case: everything typed in the step-by-step
form, kept as it was typed (valid or not) in `data`, so nothing is lost. It is either a new case
(`practice` empty until it is first submitted) or an edit of an existing one. A case that is
published stays as it is on the map, the API and the embeds while an edit of it waits: the
edit is a submission, applied to the case only when a moderator approves it.

Only practices.moderation changes `Practice.status` and `Submission.state`, and it records
each change as a `ModerationEvent` (who, when, what, why). Images and attachments belong to a
submission while it is worked on, and to its case once approved."""
from django.conf import settings
from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _

from practices.domain.choices import Status
from practices.models.catalogue import Practice


class Submission(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("waiting for review")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    # States in which the author may still change the data.
    OPEN_STATES = (State.DRAFT, State.CHANGES_REQUESTED)

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submissions",
        verbose_name=_("author"),
    )
    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, null=True, blank=True, related_name="submissions",
        verbose_name=_("case"),
        help_text=_("Empty for a new case until it is first submitted."),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    # The form's fields as typed, keyed by field name (facts under "facts"); never cleaned
    # away, so a failed validation, an expired session or a server error loses nothing.
    data = models.JSONField(_("data"), default=dict, blank=True)
    # The last step of the form the author reached (practices.members names the steps).
    step = models.CharField(_("step"), max_length=20, blank=True)
    # The last moderator's message to the author (the reason of a rejection or the changes
    # asked for); the whole exchange is in the events.
    moderator_comment = models.TextField(_("moderator's comment"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("decided by"),
    )

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        indexes = [
            # The moderation queue: waiting submissions, oldest first.
            models.Index(fields=["state", "submitted_at"], name="submission_queue"),
        ]

    def __str__(self):
        return self.data.get("title") or str(_("untitled case"))

    @property
    def is_edit_of_published(self):
        return self.practice_id is not None and self.practice.status == Status.PUBLISHED


class ModerationEvent(models.Model):
    """One change made by practices.moderation: a status change, a decision, a verification,
    a restored version or an import. Never edited; the audit trail of a case."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        SUBMITTED = "submitted", _("submitted for review")
        PUBLISHED = "published", _("published")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")
        ARCHIVED = "archived", _("archived")
        UNPUBLISHED = "unpublished", _("unpublished")
        EDIT_APPROVED = "edit_approved", _("edit approved")
        EDITED = "edited", _("edited by a moderator")
        VERIFIED = "verified", _("verified against an official source")
        UNVERIFIED = "unverified", _("verification removed")
        RESTORED = "restored", _("earlier version restored")
        IMPORTED = "imported", _("imported")

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, null=True, blank=True, related_name="events",
        verbose_name=_("case"),
    )
    submission = models.ForeignKey(
        Submission, on_delete=models.SET_NULL, null=True, blank=True, related_name="events",
        verbose_name=_("submission"),
    )
    # Empty for a command run by an operator (the imports): `source` names it then.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("who"),
    )
    source = models.CharField(_("through"), max_length=100, blank=True)
    action = models.CharField(_("what"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("status before"), max_length=20, blank=True)
    to_status = models.CharField(_("status after"), max_length=20, blank=True)
    reason = models.TextField(_("why"), blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("moderation event")
        verbose_name_plural = _("moderation events")

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"


def _upload_folder(instance, filename):
    # Not under the public static tree: media are served by a view that checks who may see
    # the case (practices.members), never straight from MEDIA_ROOT.
    return f"cases/{instance.submission_id or 'none'}/{filename}"


class CaseImage(models.Model):
    """A photo of a case, as stored after the checks of practices.uploads: re-encoded from
    JPEG, PNG or WebP, without EXIF or GPS, with a thumbnail."""

    submission = models.ForeignKey(
        Submission, on_delete=models.SET_NULL, null=True, blank=True, related_name="images"
    )
    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, null=True, blank=True, related_name="images",
        help_text=_("Set when the submission that added the image is approved."),
    )
    image = models.ImageField(_("image"), upload_to=_upload_folder, width_field="width",
                              height_field="height")
    thumbnail = models.ImageField(_("thumbnail"), upload_to=_upload_folder, blank=True)
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    alt = models.CharField(
        _("description of the image"), max_length=300, blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.alt or self.image.name


class CaseAttachment(models.Model):
    """A PDF document of a case (a resolution, a report), checked by practices.uploads and
    always served as a download."""

    submission = models.ForeignKey(
        Submission, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="attachments",
    )
    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments",
        help_text=_("Set when the submission that added the file is approved."),
    )
    file = models.FileField(_("file"), upload_to=_upload_folder)
    title = models.CharField(_("title"), max_length=300, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), editable=False, default=0)
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title or self.file.name
