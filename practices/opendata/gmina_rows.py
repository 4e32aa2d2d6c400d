"""The columns and rows of the gminy exports (/export/municipalities.csv, .geojson, .gpkg):
the gminy with the number of the selection's cases, as /api/municipalities/ counts them.

Rules:
- The gminy are those the geographic filters keep (`CaseFilters.municipalities()`), every
  one of them, with 0 where nothing matches; the cases counted are the selection's
  (`CaseFilters.practices()`), so `practice_count` sums to the case export's rows.
- Ordered by TERYT code, as the API orders them. The properties are the API's, with its
  `counts` object spread into one column per tool, `count_<tool slug>`, in the tools'
  order (0 where none), so that a spreadsheet or a GIS can use them.
- Geometry (GeoJSON, GeoPackage): the display boundary (simplified, shared edges kept), or
  the boundary where there is none, 6 decimals in WGS 84.
"""
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from geodata.teryt import GMINA_TYPES
from practices.domain.declaration import page_url_parts
from practices.domain.tools import TOOLS
from practices.geojson import BOUNDARY_PRECISION
from practices.models import ParticipationTool
from practices.opendata.columns import Column

COUNT_PREFIX = "count_"


def gmina_columns():
    columns = [
        Column("teryt", "teryt", _("TERYT code of the gmina.")),
        Column("name", "text", _("Name of the gmina.")),
        Column("type", "code", _("Type of gmina: urban, rural or urban-rural."),
               values=tuple(GMINA_TYPES.values())),
        Column("county", "teryt", _("TERYT code of the county (powiat).")),
        Column("county_name", "text", _("Name of the county (powiat).")),
        Column("voivodeship", "teryt", _("TERYT code of the voivodeship.")),
        Column("voivodeship_name", "text", _("Name of the voivodeship.")),
        Column("eligible_voters", "integer",
               _("Residents entitled to vote (PKW); empty when not imported.")),
        Column("practice_count", "integer",
               _("Published cases of the selection in the gmina.")),
    ]
    columns += [
        Column(COUNT_PREFIX + tool["slug"], "integer",
               _("Cases of the selection in the gmina using this tool."), tools=(tool["slug"],))
        for tool in TOOLS
    ]
    columns.append(Column("url", "path", _("Path of the gmina's page.")))
    return columns


def gmina_rows(filters, geometry=False):
    """(columns, iterator of value lists, contains samples); with `geometry`, each list ends
    with the boundary's GeoJSON text (or None)."""
    columns = gmina_columns()
    counts, samples = {}, False
    # Grouped by the tool's id, not its slug: no sort of text over every case.
    per_tool = (
        filters.practices().order_by()
        .values("municipality_id", "tool_id")
        .annotate(n=Count("id"), samples=Count("id", filter=Q(is_sample=True)))
    )
    tool_slugs = dict(ParticipationTool.objects.values_list("id", "slug"))
    for row in per_tool:
        counts.setdefault(row["municipality_id"], {})[tool_slugs[row["tool_id"]]] = row["n"]
        samples = samples or row["samples"] > 0
    gminy = filters.municipalities().order_by("teryt").values(
        "teryt", "name", "type", "county_id", "voivodeship_id", "eligible_voters",
        county_name=F("county__name"), voivodeship_name=F("voivodeship__name"),
    )
    if geometry:
        gminy = gminy.annotate(shape=AsGeoJSON(Coalesce("display_boundary", "boundary"),
                                               precision=BOUNDARY_PRECISION))
    prefix, suffix = page_url_parts("municipality-detail", "teryt")
    slugs = [tool["slug"] for tool in TOOLS]

    def rows():
        for gmina in gminy.iterator(chunk_size=500):
            own = counts.get(gmina["teryt"], {})
            values = [
                gmina["teryt"], gmina["name"], GMINA_TYPES.get(gmina["type"], gmina["type"]),
                gmina["county_id"], gmina["county_name"], gmina["voivodeship_id"],
                gmina["voivodeship_name"], gmina["eligible_voters"], sum(own.values()),
                *(own.get(slug, 0) for slug in slugs), f"{prefix}{gmina['teryt']}{suffix}",
            ]
            if geometry:
                values.append(gmina["shape"])
            yield values

    return columns, rows(), samples
