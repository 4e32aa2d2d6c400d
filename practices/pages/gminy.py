"""The gmina page: its boundary, cases grouped by tool and year, a timeline of editions, its
county, voivodeship and neighbours. Lists and counts show published cases only."""
from itertools import groupby

from django.db.models import Subquery
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import DetailView

from geodata.basemap import geometry_json
from geodata.models import Municipality
from geodata.teryt import TerytError, parse_gmina
from practices import stats
from practices.models import Practice
from practices.pages.small_map import small_map_config


def neighbours_of(teryt):
    """Gminy whose boundary shares at least a point with this one's, in one query: the
    boundary is read by a subquery inside PostGIS rather than loaded into Python and sent back.

    On a clean coverage this is exactly ST_Touches (gminy do not overlap). ST_Intersects is
    used because it also keeps neighbours whose shared border carries floating-point slivers
    (a reprojected or hand-made boundary a micrometre over the line), which ST_Touches would
    silently drop; it is also the predicate the spatial index serves directly."""
    own = Subquery(Municipality.objects.filter(pk=teryt).values("boundary")[:1])
    return (
        Municipality.objects.filter(boundary__intersects=own)
        .exclude(pk=teryt)
        .only("teryt", "name", "type")
        .order_by("name")
    )


def timeline(cases, table):
    """Editions per tool and year for the timeline: [(tool, [(year, [cases])])]; every year of
    the span appears, so gaps in a tool's series are visible."""
    by_key = {}
    for case in cases:
        by_key.setdefault((case.tool_id, case.year), []).append(case)
    return [
        (tool, [(year, by_key.get((tool.pk, year), [])) for year in table.years])
        for tool, _counts, _total in table.rows
    ]


class GminaPageMixin:
    """A page of one gmina at .../<teryt>/: anything that is not a gmina's TERYT code, or a
    code the register lacks, is a 404."""

    context_object_name = "municipality"
    slug_field = slug_url_kwarg = "teryt"

    def get_object(self, queryset=None):
        try:
            parse_gmina(self.kwargs["teryt"])
        except TerytError:
            raise Http404("Not a gmina TERYT code.") from None
        return super().get_object(queryset)


class MunicipalityDetailView(GminaPageMixin, DetailView):
    template_name = "practices/municipality_detail.html"
    queryset = Municipality.objects.select_related("county", "voivodeship").defer(
        "county__boundary", "voivodeship__boundary"
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality = self.object
        published = Practice.objects.published().filter(municipality=municipality)
        cases = list(
            published.select_related("tool")
            .only("slug", "title", "year", "end_year", "is_sample", "location", "tool",
                  "tool__slug", "tool__name_pl", "tool__name_en", "tool__color",
                  "tool__position", "municipality_id")
            .order_by("tool__position", "tool__slug", "-year", "title")
        )
        table = stats.counts_by_tool_and_year(published)
        groups = [
            (tool, [(year, list(items)) for year, items in groupby(tool_cases, lambda c: c.year)])
            for tool, tool_cases in groupby(cases, lambda c: c.tool)
        ]
        description = ngettext(
            "%(name)s (%(type)s, county %(county)s, %(voivodeship)s voivodeship): "
            "%(count)s published case of local participation.",
            "%(name)s (%(type)s, county %(county)s, %(voivodeship)s voivodeship): "
            "%(count)s published cases of local participation.",
            len(cases),
        ) % {
            "name": municipality.name,
            "type": municipality.get_type_display(),
            "county": municipality.county.name,
            "voivodeship": municipality.voivodeship.name,
            "count": len(cases),
        }
        context.update({
            "page_title": _("Gmina %(name)s") % {"name": municipality.name},
            "page_description": description,
            "cases": cases,
            "case_groups": groups,
            "tool_year": table,
            "timeline": timeline(cases, table),
            "sample_count": sum(1 for case in cases if case.is_sample),
            "neighbours": list(neighbours_of(municipality.pk)),
            "page_map": {
                **small_map_config(),
                "boundary": geometry_json(municipality.boundary),
                "points": [
                    {
                        "lon": case.location.x, "lat": case.location.y, "title": case.title,
                        "url": case.get_absolute_url(), "color": case.tool.color,
                        "tool": case.tool.slug, "sample": case.is_sample,
                    }
                    for case in cases if case.location
                ],
                # Cases without their own point share the gmina's: clusters keep them apart.
                "cluster": True,
                "label": _("Map of %(name)s and its cases") % {"name": municipality.name},
            },
        })
        return context

