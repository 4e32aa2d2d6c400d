"""manage.py export_map OUTPUT.html [filters] [--choropleth] [--title …]: a standalone HTML map
of a selection that opens offline (practices/opendata/staticmap.py)."""
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict
from django.utils import translation

from practices.filters import CASE_PARAMETERS, CaseFilters, InvalidParameters
from practices.opendata.staticmap import render_map


class Command(BaseCommand):
    help = (
        "Write a standalone HTML map of the published cases matching the filters (the API's "
        "parameters), which opens without a network."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="The HTML file to write.")
        for name, description in CASE_PARAMETERS.items():
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name, action="append",
                                default=[], metavar="VALUE", help=description)
        parser.add_argument("--choropleth", action="store_true",
                            help="Shade gminy by their number of cases instead of markers.")
        parser.add_argument("--title", default="", help="The map's title.")
        parser.add_argument("--tiles", action="store_true",
                            help="Add the configured base map (MAPA_TILE_URL; needs a network).")
        parser.add_argument("--lang", default=settings.LANGUAGE_CODE,
                            choices=[code for code, _name in settings.LANGUAGES])

    def handle(self, *args, **options):
        query = QueryDict(mutable=True)
        for name in CASE_PARAMETERS:
            for value in options[name]:
                query.appendlist(name, value)
        with translation.override(options["lang"]):
            try:
                filters = CaseFilters.parse(query)
            except InvalidParameters as error:
                lines = [f"--{name.replace('_', '-')}: {message}"
                         for name, messages in error.errors.items() for message in messages]
                raise CommandError("\n".join(lines)) from None
            title = options["title"] or translation.gettext("Participation Map")
            text, count = render_map(
                filters, title=title, choropleth_view=options["choropleth"],
                tiles=options["tiles"], site_url=settings.MAPA_SITE_URL,
            )
        output = Path(options["output"])
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{output}: {error.strerror}") from None
        self.stdout.write(f"{output}: {count} cases, {len(text.encode()) // 1024} KB")
