"""manage.py import_boundaries SOURCE: a thin shell over geodata.importers."""
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from geodata.importers import BATCH, LEVELS, BoundaryImportError, import_boundaries
from geodata.management.report import LISTED, ReportMixin


class Command(ReportMixin, BaseCommand):
    @property
    def help(self):
        # Translated when the parser is built: argparse cannot format a lazy string.
        return _(
            "Import boundaries of gminy, counties or voivodeships from a GeoJSON, Shapefile or "
            "GeoPackage file, a zip of them, an http(s) URL, or the word 'prg' (the official "
            "GUGiK PRG service). Rows are upserted by TERYT code; nothing is deleted."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "source", metavar="SOURCE",
            help=_("a file, a zip, an http(s) URL, or 'prg'"),
        )
        parser.add_argument(
            "--level", choices=LEVELS,
            help=_("what the features are; detected from the layer name or the length of "
                   "the codes when not given"),
        )
        parser.add_argument(
            "--voivodeship", nargs="+", metavar="CODE", dest="voivodeships",
            help=_("import only these voivodeships, e.g. --voivodeship 20 28"),
        )
        parser.add_argument("--layer", help=_("the layer to read"))
        parser.add_argument("--teryt-field", help=_("the field holding the TERYT code"))
        parser.add_argument("--name-field", help=_("the field holding the name"))
        parser.add_argument(
            "--dry-run", action="store_true",
            help=_("check and report everything, write nothing"),
        )

    def handle(self, *args, **options):
        try:
            report = import_boundaries(
                options["source"],
                level=options["level"],
                voivodeships=options["voivodeships"],
                layer=options["layer"],
                teryt_field=options["teryt_field"],
                name_field=options["name_field"],
                dry_run=options["dry_run"],
                progress=self._progress if options["verbosity"] >= 1 else None,
            )
        except BoundaryImportError as error:
            raise CommandError(str(error)) from None
        self._print(report, options["verbosity"])

    def _progress(self, stage, done, total):
        """Progress goes to stderr, only on runs long enough to need it."""
        if stage == "read":
            self._long = total >= BATCH
            if self._long:
                self.stderr.write(_("Read %(done)d of %(total)d features") %
                                  {"done": done, "total": total})
        elif getattr(self, "_long", False):
            if stage == "write":
                self.stderr.write(_("Wrote %(done)d of %(total)d rows") %
                                  {"done": done, "total": total})
            elif stage == "display" and not done:
                self.stderr.write(_("Recomputing the display boundaries of all gminy…"))

    def _print(self, report, verbosity):
        if verbosity < 1:
            return
        write = self.stdout.write
        write(_("%(source)s, layer %(layer)s: %(level)s") % {
            "source": report.source, "layer": report.layer, "level": report.level})
        write(_("Created: %(count)d") % {"count": len(report.created)})
        self.list_changes(report.created, limit=None if verbosity >= 2 else 0)
        write(_("Updated: %(count)d") % {"count": len(report.updated)})
        self.list_changes(report.updated, limit=None if verbosity >= 2 else LISTED)
        write(_("Unchanged: %(count)d") % {"count": len(report.unchanged)})
        write(_("Repaired (invalid geometry made valid): %(count)d")
              % {"count": len(report.repaired)})
        self.list_changes(report.repaired, limit=None)
        write(_("Skipped: %(count)d") % {"count": sum(report.skipped.values())})
        for reason, count in sorted(report.skipped.items()):
            write(f"  {reason}: {count}")
        if report.parents_created:
            write(_("Created from the codes in the file: %(count)d") %
                  {"count": len(report.parents_created)})
            self.list_changes(report.parents_created, limit=None if verbosity >= 2 else LISTED)
        if report.parents_named:
            write(_("Counties named from the file: %(count)d") %
                  {"count": len(report.parents_named)})
        if report.display_refresh is not None:
            refresh = report.display_refresh
            write(_("Display boundaries rewritten: %(changed)d of %(total)d") %
                  {"changed": refresh.changed, "total": refresh.total})
            if refresh.repaired:
                write(_("Display boundaries repaired after rounding: %(count)d") %
                      {"count": len(refresh.repaired)})
        if report.vanished:
            write(self.style.WARNING(
                _("In the database but not in this source, kept (not deleted): %(count)d") %
                {"count": len(report.vanished)}))
            self.list_changes(report.vanished, limit=LISTED)
        self.write_outcome(report)
