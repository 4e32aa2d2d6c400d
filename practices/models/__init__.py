"""The catalogue's models, one module per subject; everything is importable from here."""
from practices.models.budgets import BudgetPart, BudgetProject
from practices.models.catalogue import (  # noqa: F401 -- the vocabularies are part of the API
    HTML_TAG,
    LICENCE_URLS,
    MAX_YEAR,
    MIN_YEAR,
    Licence,
    OrganiserType,
    ParticipationTool,
    Practice,
    PracticeLink,
    Status,
)
from practices.models.counts import PublishedCount
from practices.models.members import Invitation, Profile
from practices.models.submissions import (
    CaseAttachment,
    CaseImage,
    ModerationEvent,
    Submission,
)

__all__ = [
    "BudgetPart", "BudgetProject", "CaseAttachment", "CaseImage", "Invitation",
    "ModerationEvent", "ParticipationTool", "Practice", "PracticeLink", "Profile",
    "PublishedCount", "Status", "Submission",
]
