"""The printable fact sheet of a gmina (/gminy/{teryt}/druk/, /en/municipalities/{teryt}/print/):
one A4 page for council sessions and reports with the gmina's outline and cases drawn as SVG
(sharp in print, no tiles, no script), its published cases by tool and year, and its place in
the participation ranking. The print stylesheet keeps it to one page; the browser's
print-to-PDF gives the document."""
import math

from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from geodata.models import Municipality
from practices import stats
from practices.addresses import site_root
from practices.models import Practice
from practices.pages.gminy import GminaPageMixin
from practices.pages.statistics import cached_ranking

# The drawing's frame, in SVG units (about 16 × 10 cm on the page).
MAP_WIDTH, MAP_HEIGHT, MAP_MARGIN = 480, 300, 12
# Outline simplification in degrees (~20 m): invisible at this size, a much lighter page.
OUTLINE_TOLERANCE = 0.0002


def svg_map(boundary, points):
    """{'paths': [SVG path data of each polygon ring], 'points': [(x, y, colour, title)],
    'width', 'height'} of a boundary and points in lon/lat, in an equirectangular projection
    scaled by the cosine of the middle latitude (true shape at a gmina's size)."""
    if boundary is None:
        return None
    geometry = boundary.simplify(OUTLINE_TOLERANCE, preserve_topology=True)
    west, south, east, north = geometry.extent
    scale_x = math.cos(math.radians((south + north) / 2))
    span_x = max((east - west) * scale_x, 1e-9)
    span_y = max(north - south, 1e-9)
    factor = min((MAP_WIDTH - 2 * MAP_MARGIN) / span_x, (MAP_HEIGHT - 2 * MAP_MARGIN) / span_y)
    offset_x = (MAP_WIDTH - span_x * factor) / 2
    offset_y = (MAP_HEIGHT - span_y * factor) / 2

    def project(lon, lat):
        return (round(offset_x + (lon - west) * scale_x * factor, 1),
                round(offset_y + (north - lat) * factor, 1))

    paths = []
    polygons = geometry.coords if geometry.geom_type == "MultiPolygon" else [geometry.coords]
    for polygon in polygons:
        for ring in polygon:
            xy = [project(lon, lat) for lon, lat in ring]
            paths.append("M" + " L".join(f"{x} {y}" for x, y in xy) + " Z")
    return {
        "width": MAP_WIDTH, "height": MAP_HEIGHT, "paths": paths,
        "points": [(*project(lon, lat), color, title) for lon, lat, color, title in points],
    }


class GminaSheetView(GminaPageMixin, DetailView):
    template_name = "practices/gmina_sheet.html"
    queryset = Municipality.objects.select_related("county", "voivodeship").defer(
        "display_boundary", "county__boundary", "voivodeship__boundary"
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality = self.object
        published = Practice.objects.published().filter(municipality=municipality)
        cases = list(
            published.select_related("tool")
            .only("title", "year", "is_sample", "location", "tool__slug", "tool__name_pl",
                  "tool__name_en", "tool__color", "tool__position", "municipality_id")
            .order_by("tool__position", "-year", "title")
        )
        ranking = cached_ranking(stats.RankingFilters())
        row = next((row for row in ranking.rows if row.teryt == municipality.teryt), None)
        context.update({
            "page_title": _("Gmina %(name)s: participation fact sheet")
            % {"name": municipality.name},
            "cases": cases,
            "tool_year": stats.counts_by_tool_and_year(published),
            "sample_count": sum(1 for case in cases if case.is_sample),
            "ranking": ranking,
            "ranking_row": row,
            "ranked_gminy": len(ranking.rows),
            "svg": svg_map(municipality.boundary, [
                (case.location.x, case.location.y, case.tool.color, case.title)
                for case in cases if case.location
            ]),
            "printed_on": timezone.localdate(),
            "page_url": site_root(self.request) + municipality.get_absolute_url(),
        })
        return context
