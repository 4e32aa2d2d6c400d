"""The catalogue's fixed vocabularies: a case's status, organiser type and licence, and the
years a case may have. Plain TextChoices, so the querysets, the models and every layer above
compare against the enum without importing the models."""
from django.db import models
from django.utils.translation import gettext_lazy as _

MIN_YEAR, MAX_YEAR = 1990, 2100


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("changes requested")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("rejected")
    ARCHIVED = "archived", _("archived")


class OrganiserType(models.TextChoices):
    OFFICE = "urzad", _("municipal office")
    COUNCIL = "rada", _("council")
    NGO = "ngo", _("NGO")
    RESIDENTS = "mieszkancy", _("residents' group")
    SCHOOL = "szkola", _("school")
    OTHER = "inne", _("other")


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}
