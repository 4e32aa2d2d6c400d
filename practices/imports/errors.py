"""Why an import is refused. Nothing was written when an ImportRefused is raised; its message
says what to fix, in the active language."""
from dataclasses import dataclass

from django.utils.translation import gettext as _

PROBLEMS_SHOWN = 200


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (a line, "sheet!line" or a section) and why."""

    place: str
    column: str
    message: str

    def __str__(self):
        if self.column:
            return _("line %(line)s, column %(column)s: %(message)s") % {
                "line": self.place, "column": self.column, "message": self.message}
        return _("line %(line)s: %(message)s") % {"line": self.place, "message": self.message}


class ImportRefused(Exception):
    """The input cannot be imported. `problems` lists every problem found (may be empty
    when the message alone says it)."""

    def __init__(self, message, problems=()):
        self.message = message
        self.problems = list(problems)
        lines = [message]
        lines += [f"  {problem}" for problem in self.problems[:PROBLEMS_SHOWN]]
        if len(self.problems) > PROBLEMS_SHOWN:
            lines.append("  " + _("… and %(count)d more.")
                         % {"count": len(self.problems) - PROBLEMS_SHOWN})
        super().__init__("\n".join(lines))

    def full(self):
        """The message with every problem, however many (what a dry run prints)."""
        return "\n".join([self.message, *(f"  {problem}" for problem in self.problems)])
