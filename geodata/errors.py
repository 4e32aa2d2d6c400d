"""Why a boundary import is refused: one exception per kind of problem, all under
BoundaryImportError, each message saying what to fix. Nothing was written when one is raised."""
from django.utils.translation import gettext as _

# Problems listed in the message of InvalidFeatures (all are in its `problems`).
PROBLEMS_SHOWN = 20


class BoundaryImportError(Exception):
    """Base of every refusal of an import. The message says what to fix; nothing was
    written when it is raised."""


class SourceError(BoundaryImportError):
    """The source is missing, unreadable or could not be downloaded."""


class LayerError(BoundaryImportError):
    """The requested layer does not exist, or the source has several and none was chosen."""


class FieldError(BoundaryImportError):
    """The layer lacks the TERYT or name field."""


class CRSError(BoundaryImportError):
    """The layer's coordinate reference system is missing or cannot be converted."""


class LevelError(BoundaryImportError):
    """The level cannot be told from the source, or is not one we know."""


class InvalidFeatures(BoundaryImportError):
    """Some features cannot be imported. `problems` lists them all; the message shows the
    first PROBLEMS_SHOWN."""

    def __init__(self, source, problems):
        self.problems = problems
        lines = [_("%(source)s: %(count)d features cannot be imported; nothing was written.")
                 % {"source": source, "count": len(problems)}]
        lines += [f"  {problem}" for problem in problems[:PROBLEMS_SHOWN]]
        if len(problems) > PROBLEMS_SHOWN:
            lines.append("  " + _("… and %(count)d more.")
                         % {"count": len(problems) - PROBLEMS_SHOWN})
        super().__init__("\n".join(lines))
