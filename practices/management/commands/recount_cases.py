"""manage.py recount_cases: count the published cases of every gmina and tool again into the
counts the database keeps (PublishedCount), for when its triggers were disabled for a bulk load
and the counts fell behind (docs/catalogue.md)."""
from django.core.management.base import BaseCommand, CommandError

from practices import feature_store, stat_counts


class Command(BaseCommand):
    help = "Count the published cases of every gmina and tool again (the kept counts)."

    def handle(self, *args, **options):
        feature_store.forget()
        if not feature_store.counting():
            raise CommandError(
                "The triggers that keep the counts are missing or disabled: enable them first "
                "(ALTER TABLE practices_practice ENABLE TRIGGER USER) or run `manage.py migrate`."
            )
        wrong = stat_counts.recount()
        if wrong:
            self.stdout.write(f"Corrected the counts of {wrong} gmina and tool pairs.")
        else:
            self.stdout.write("The kept counts were right; nothing changed.")
