"""manage.py import_voters FILE: a thin shell over geodata.voters."""
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from geodata.management.report import LISTED, ReportMixin
from geodata.voters import DEFAULT_SOURCE, DEFAULT_YEAR, VotersImportError, import_voters


class Command(ReportMixin, BaseCommand):
    @property
    def help(self):
        # Translated when the parser is built: argparse cannot format a lazy string.
        return _(
            "Import the number of eligible voters of each gmina from a CSV file with the "
            "columns teryt,name,eligible_voters (e.g. ../shared/geodata/wyborcy_2025.csv). "
            "The whole file is checked first; a bad row stops the import with nothing written."
        )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help=_("the CSV file"))
        parser.add_argument(
            "--year", type=int, default=DEFAULT_YEAR,
            help=_("the year of the election the counts come from (default %(default)s)"),
        )
        parser.add_argument(
            "--source", default=DEFAULT_SOURCE,
            help=_("where the counts come from, kept with them (default: %(default)s)"),
        )
        parser.add_argument(
            "--dry-run", action="store_true",
            help=_("check and report everything, write nothing"),
        )

    def handle(self, *args, **options):
        try:
            report = import_voters(
                options["file"], year=options["year"], source=options["source"],
                dry_run=options["dry_run"],
            )
        except VotersImportError as error:
            raise CommandError(str(error)) from None
        self._print(report, options["verbosity"])

    def _print(self, report, verbosity):
        if verbosity < 1:
            return
        write = self.stdout.write
        write(ngettext(
            "%(file)s: %(rows)d gmina, eligible voters of %(year)d (%(source)s)",
            "%(file)s: %(rows)d gminy, eligible voters of %(year)d (%(source)s)", report.rows,
        ) % {
            "file": report.source_file, "rows": report.rows, "year": report.year,
            "source": report.source})
        write(_("Created: %(count)d") % {"count": len(report.created)})
        self.list_changes(report.created, limit=None if verbosity >= 2 else 0)
        write(_("Updated: %(count)d") % {"count": len(report.updated)})
        self.list_changes(report.updated, limit=None if verbosity >= 2 else LISTED)
        write(_("Unchanged: %(count)d") % {"count": len(report.unchanged)})
        if report.unknown:
            write(self.style.WARNING(
                _("Not in the register, skipped: %(count)d") % {"count": len(report.unknown)}))
            for row in report.unknown[:None if verbosity >= 2 else LISTED]:
                write("  " + _("line %(line)d: %(code)s %(name)s") % {
                    "line": row.line, "code": row.teryt, "name": row.name})
            self.list_more(len(report.unknown), None if verbosity >= 2 else LISTED)
        if report.not_in_file:
            write(self.style.WARNING(
                _("In the register but not in this file, kept as they were: %(count)d")
                % {"count": len(report.not_in_file)}))
            self.list_changes(report.not_in_file, limit=None if verbosity >= 2 else LISTED)
        self.write_outcome(report)
