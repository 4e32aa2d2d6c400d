"""manage.py import_practices FILE: a thin shell over practices.imports.spreadsheet."""
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from practices.imports.errors import ImportRefused
from practices.imports.spreadsheet import IMPORT_STATUSES, import_spreadsheet
from practices.imports.template import write_template

LISTED = 50


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Import cases from a CSV (UTF-8 or Windows-1250, separated by , or ;) or XLSX "
            "file. Everything is checked first; one bad row imports nothing. Re-importing "
            "with the same --source updates the cases by their external id."
        )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", metavar="FILE", help=_("a .csv or .xlsx file"))
        parser.add_argument(
            "--source", help=_("a label of the file's origin (e.g. siec-2026): the upsert key "
                               "together with id_zewnetrzne"))
        parser.add_argument(
            "--status", choices=[str(status) for status in IMPORT_STATUSES],
            default="submitted",
            help=_("the status of new cases (default: submitted, for review)"))
        parser.add_argument("--encoding", help=_("the CSV file's encoding (default: detected)"))
        parser.add_argument("--separator", choices=[",", ";", "tab"],
                            help=_("the CSV separator (default: detected)"))
        parser.add_argument("--dry-run", action="store_true",
                            help=_("check and report everything, write nothing"))
        parser.add_argument("--lang", choices=["pl", "en"], default="pl",
                            help=_("the language of the report (default: pl)"))
        parser.add_argument("--template", metavar="OUT.xlsx",
                            help=_("write the XLSX template to OUT.xlsx and stop"))

    def handle(self, *args, **options):
        with translation.override(options["lang"]):
            if options["template"]:
                if not options["template"].lower().endswith(".xlsx"):
                    raise CommandError(_("--template: give a file name ending in .xlsx."))
                try:
                    write_template(options["template"])
                except OSError as error:
                    raise CommandError(_("%(file)s cannot be written: %(error)s") % {
                        "file": options["template"], "error": error.strerror}) from None
                self.stdout.write(_("Template written to %(file)s.")
                                  % {"file": options["template"]})
                return
            if not options["file"]:
                raise CommandError(_("Give the FILE to import, or --template OUT.xlsx."))
            if not options["source"]:
                raise CommandError(_("--source is required: a label of the file's origin, "
                                     "e.g. --source siec-2026."))
            try:
                report = import_spreadsheet(
                    options["file"], source=options["source"], status=options["status"],
                    encoding=options["encoding"], delimiter=options["separator"],
                    dry_run=options["dry_run"],
                )
            except ImportRefused as error:
                # Every bad row, however many: the file is to be corrected in one pass.
                raise CommandError(error.full()) from None
            self._print(report, options["verbosity"])

    def _print(self, report, verbosity):
        if verbosity < 1:
            return
        write = self.stdout.write
        for name, encoding, delimiter in report.formats:
            details = f" ({encoding}, {delimiter!r})" if encoding else ""
            write(_("Read %(table)s%(details)s") % {"table": name, "details": details})
        for name in report.skipped_sheets:
            write(_("Skipped (no known columns): %(table)s") % {"table": name})
        write(_("Source: %(source)s; new cases: %(status)s") % {
            "source": report.source, "status": report.status})
        write(_("Created: %(count)d") % {"count": len(report.created)})
        write(_("Updated: %(count)d") % {"count": len(report.updated)})
        for place, external_id, fields in report.updated[:None if verbosity >= 2 else LISTED]:
            write(_("  line %(line)s, %(id)s: %(fields)s") % {
                "line": place, "id": external_id, "fields": ", ".join(fields)})
        write(_("Unchanged: %(count)d") % {"count": len(report.unchanged)})
        if report.dry_run:
            write(self.style.WARNING(_("Dry run: nothing was written.")))
        else:
            write(self.style.SUCCESS(_("Done in %(seconds).1f s.") % {"seconds": report.seconds}))
