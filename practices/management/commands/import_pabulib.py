"""manage.py import_pabulib FILE.pb...: a thin shell over practices.imports.budgets."""
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from practices.imports.budgets import import_pabulib
from practices.imports.errors import ImportRefused
from practices.imports.spreadsheet import IMPORT_STATUSES


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Import participatory budgets from Pabulib .pb files (pabulib.org): one case per "
            "city and edition, district files merged, the projects kept. Re-importing a file "
            "changes nothing."
        )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE.pb", help=_("Pabulib files"))
        parser.add_argument("--teryt", help=_("the gmina's TERYT code, instead of matching "
                                              "the files' unit by name"))
        parser.add_argument("--status", choices=[str(status) for status in IMPORT_STATUSES],
                            default="published",
                            help=_("the status of new cases (default: published)"))
        parser.add_argument("--dry-run", action="store_true",
                            help=_("check and report everything, write nothing"))
        parser.add_argument("--lang", choices=["pl", "en"], default="pl",
                            help=_("the language of the report (default: pl)"))

    def handle(self, *args, **options):
        with translation.override(options["lang"]):
            try:
                report = import_pabulib(options["files"], teryt=options["teryt"],
                                        status=options["status"], dry_run=options["dry_run"])
            except ImportRefused as error:
                raise CommandError(str(error)) from None
            if options["verbosity"] < 1:
                return
            write = self.stdout.write
            outcomes = {"created": _("new"), "updated": _("replaced"),
                        "unchanged": _("unchanged")}
            for name, gmina, year, part, outcome in report.files:
                write(_("%(file)s: %(gmina)s, %(year)s, part %(part)s: %(outcome)s") % {
                    "file": name, "gmina": gmina, "year": year, "part": part or "-",
                    "outcome": outcomes[outcome]})
            write(_("Cases created: %(created)d, updated: %(updated)d, unchanged: "
                    "%(unchanged)d") % {"created": len(report.created),
                                        "updated": len(report.updated),
                                        "unchanged": len(report.unchanged)})
            if report.dry_run:
                write(self.style.WARNING(_("Dry run: nothing was written.")))
            else:
                write(self.style.SUCCESS(_("Done in %(seconds).1f s.")
                                         % {"seconds": report.seconds}))
