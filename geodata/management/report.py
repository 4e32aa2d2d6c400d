"""What the import commands (import_boundaries, import_voters) print about a run: the gminy
a list of changes names, a few unless asked for all, and how the run ended."""
from django.utils.translation import gettext as _

LISTED = 50  # gminy named per list unless --verbosity 2


class ReportMixin:
    """For a BaseCommand whose report has `dry_run` and `seconds`, and changes with `teryt`,
    `name` and an optional `detail`."""

    def list_changes(self, changes, limit):
        """Names the first `limit` changes (all with None), then how many more there are."""
        shown = changes if limit is None else changes[:limit]
        for change in shown:
            detail = f" ({change.detail})" if change.detail else ""
            self.stdout.write(f"  {change.teryt} {change.name}{detail}")
        if shown:
            self.list_more(len(changes), limit)

    def list_more(self, total, limit):
        if limit is not None and total > limit:
            self.stdout.write("  " + _("… and %(count)d more.") % {"count": total - limit})

    def write_outcome(self, report):
        if report.dry_run:
            self.stdout.write(self.style.WARNING(_("Dry run: nothing was written.")))
        else:
            self.stdout.write(self.style.SUCCESS(_("Done in %(seconds).1f s.") %
                                                 {"seconds": report.seconds}))
