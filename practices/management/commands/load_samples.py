"""manage.py load_samples: the demo's sample cases (see practices.demo.samples for the policy)."""
import re

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from practices.demo.samples import SampleError, delete_samples, load_samples


class Command(BaseCommand):
    help = (
        "Create (or bring up to date) the published sample cases, flagged as samples, in the "
        "gminy of the default region. Idempotent. --delete removes every sample and nothing "
        "else."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete", action="store_true", help="remove all sample cases (only samples)"
        )
        parser.add_argument(
            "--voivodeship", nargs="+", metavar="CODE",
            help="2-digit TERYT codes of the voivodeships to use (default: MAPA_DEFAULT_REGION)",
        )

    def handle(self, *args, delete=False, voivodeship=None, **options):
        if delete:
            count = delete_samples()
            self.stdout.write(f"Deleted {count} sample cases.")
            return
        codes = voivodeship or settings.MAPA_DEFAULT_REGION
        bad = [code for code in codes if not re.fullmatch(r"\d{2}", code)]
        if bad:
            raise CommandError(
                f"--voivodeship {' '.join(bad)}: give 2-digit TERYT codes, e.g. 20 28."
            )
        try:
            report = load_samples(codes)
        except SampleError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Sample cases: {report.total} in place ({report.created} created, "
            f"{report.updated} updated, {report.unchanged} unchanged), {report.removed} "
            "outdated removed."
        )
        for slug in report.skipped:
            self.stderr.write(f"Skipped {slug}: a real (non-sample) case has this slug.")
