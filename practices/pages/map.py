"""The interactive map ('/') and the data its scripts start from.

The page is static HTML plus two json_script blocks built here (map-data: configuration,
limits, tools, years, the places of the region in view (practices.pages.places) and links;
map-strings: the scripts' translated strings); the cases themselves come from the public
API, one request per view of exactly the current selection, parsed there by
`practices.filters.CaseFilters`. So the page carries no per-user
state and sets no cookie, and shared caches can keep it.

The page's own queries (tools, year bounds, places, extents) are cached until the data
changes (`practices.caching.cached`): a page view does not read the register every time.
"""
import datetime

from django.conf import settings
from django.contrib.gis.db.models import Extent
from django.db.models import Max, Min
from django.db.models.functions import Coalesce
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from geodata.basemap import base_map_config
from geodata.models import Municipality
from practices.caching import cached
from practices.domain.search import MAX_QUERY_LENGTH, MAX_QUERY_WORDS
from practices.filters import DEFAULT_LIMIT, CaseFilters
from practices.models import MAX_YEAR, MIN_YEAR, ParticipationTool, Practice
from practices.pages.compression import compressed
from practices.pages.first_requests import (
    CHOROPLETH_BY,
    FACETS_BY,
    VIEWS,
    answers_script,
    boundary_scope,
    first_requests,
)
from practices.pages.inline_assets import inline_text
from practices.pages.places import place_entries
from practices.pages.site import site_root

# How far back the year slider reaches when there are no cases yet.
EMPTY_YEAR_SPAN = 10
# Parameters of the page's address besides the case filters: the view and the map's
# position; the embed adds its options.
PAGE_PARAMETERS = ("view", "lat", "lon", "zoom")
EMBED_PARAMETERS = (*PAGE_PARAMETERS, "list", "controls", "lang")
# The list twin's first order: the newest cases first.
LIST_SORT = "-year"


def tool_entries():
    """The tools in their fixed order, named in the active language."""
    return [
        {"slug": tool.slug, "name": tool.name, "color": tool.color, "icon": tool.icon}
        for tool in ParticipationTool.objects.all()
    ]


def year_bounds():
    """The year slider spans the published cases' years (or the last few years)."""
    bounds = Practice.objects.published().aggregate(first=Min("year"), last=Max("year"))
    this_year = datetime.date.today().year
    first = bounds["first"] or this_year - EMPTY_YEAR_SPAN
    last = bounds["last"] or this_year
    if first == last:
        first -= 1
    return {"min": first, "max": last}


def extent(gminy):
    """[[south, west], [north, east]] of some gminy's display boundaries, or None."""
    box = gminy.aggregate(box=Extent(Coalesce("display_boundary", "boundary")))["box"]
    if box is None:
        return None
    west, south, east, north = box
    return [[round(south, 5), round(west, 5)], [round(north, 5), round(east, 5)]]


def place_filters(filters):
    """Only the place part (voivodeship, county, municipality) of a selection."""
    return CaseFilters(
        voivodeship=filters.voivodeship, county=filters.county, municipality=filters.municipality
    )


def initial_bounds(filters):
    """Where the map opens when the URL gives no lat/lon/zoom: the place filter's gminy, else
    the whole default region, fitted to the map's size by the script; None when the register
    has no gminy there (the map then uses MAPA_MAP_CENTER and MAPA_MAP_ZOOM). `filters` is the
    page's parsed selection (invalid codes were already left out and are reported by the
    page's script)."""
    place = place_filters(filters)
    found = extent(place.municipalities()) if place != CaseFilters() else None
    return found or region_bounds()


def region_bounds():
    """The extent of the default region's gminy, or None."""
    return extent(Municipality.objects.filter(voivodeship_id__in=settings.MAPA_DEFAULT_REGION))


def page_lookups(filters):
    """What the page reads from the database, in the active language: the tools, the year
    bounds, the place names of the region in view and where the map opens. Read once per data
    version, language and place filter (one cache look-up), not on every page view."""
    place = sorted(place_filters(filters).as_params().items())
    scope = boundary_scope(filters)
    return cached(
        "map-lookups",
        lambda: {
            "tools": tool_entries(),
            "years": year_bounds(),
            "places": place_entries(scope),
            "initialBounds": initial_bounds(filters),
            "regionBounds": region_bounds(),
        },
        get_language(), *scope, *place,
    )


def page_selection(params, *, embed):
    """(the case filters of a page's address, parsed leniently: the valid part, and the
    errors of the rest). Pages never break on a bad address; the script reports what was
    left out."""
    return CaseFilters.parse_lenient(
        params, extra=EMBED_PARAMETERS if embed else PAGE_PARAMETERS
    )


def plural(translate):
    """Every plural form the client may need, keyed by CLDR category (Intl.PluralRules):
    the Polish catalogue's rule picks one/few/many for 1, 2 and 5; English uses one/other.
    `translate(n)` calls ngettext with literal msgids, so that makemessages finds them."""
    return {"one": translate(1), "few": translate(2), "many": translate(5), "other": translate(5)}


def js_strings():
    """Strings of the map's scripts, translated on the server in the page's language."""
    return {
        "tool": _("Tool"),
        "year": _("Year"),
        "gmina": _("Gmina"),
        "sample": _("Sample record, not a real case"),
        # A marker knows only its tool and year (the title comes with its popup).
        "markerLabel": _("Case: %(tool)s, %(year)s"),
        "markerLabelSample": _("Sample record: %(tool)s, %(year)s"),
        "legendSample": _("Sample record, not a real case (dashed ring)"),
        "sampleCounts": _("The counts include sample records, not real cases."),
        "loadingCase": _("Loading the case…"),
        "caseError": _("The case could not be loaded."),
        "clusterLabel": plural(lambda n: ngettext(
            "%(count)s case here, zoom in", "%(count)s cases here, zoom in", n
        )),
        # Cases that share one spot (placed at their gmina's point), listed in one popup.
        "spotCases": plural(lambda n: ngettext(
            "%(count)s case at this place", "%(count)s cases at this place", n
        )),
        "spotBack": _("Back to the list"),
        "legend": _("Legend"),
        "legendTools": _("Tools"),
        "legendChoropleth": _("Matching cases per gmina"),
        "legendCluster": _("Group of cases (number inside)"),
        "noMatching": _("No matching cases"),
        "caseCount": plural(lambda n: ngettext(
            "%(count)s case", "%(count)s cases", n
        )),
        # A range agrees with its upper bound ("1–3 praktyki", "5–9 praktyk").
        "caseRange": plural(lambda n: ngettext(
            "%(min)s–%(count)s case", "%(min)s–%(count)s cases", n
        )),
        "matchingCount": plural(lambda n: ngettext(
            "%(count)s matching case", "%(count)s matching cases", n
        )),
        "openGmina": _("Open the page of %(name)s"),
        "shownCount": plural(lambda n: ngettext(
            "%(count)s case shown", "%(count)s cases shown", n
        )),
        "showMore": plural(lambda n: ngettext(
            "Show %(count)s more", "Show %(count)s more", n
        )),
        "noCases": _("No cases match these filters."),
        "noPlace": _("No place of that name."),
        "placeVoivodeship": _("voivodeship"),
        "removeFilter": _("Remove filter: %(label)s"),
        "chipTool": _("Tool: %(name)s"),
        "chipYear": _("Year: %(year)s"),
        "chipYears": _("Years: %(from)s–%(to)s"),
        "chipYearFrom": _("Years: from %(year)s"),
        "chipYearTo": _("Years: until %(year)s"),
        "chipPlace": _("Place: %(name)s"),
        "chipQ": _("Text: “%(q)s”"),
        "loading": _("Loading cases…"),
        "loadError": _("The cases could not be loaded."),
        "boundariesError": _("The gmina boundaries could not be loaded."),
        "invalidParams": _(
            "Some parameters in the address were not valid and were ignored: %(params)s."
        ),
        "refusedParams": _("The server refused some filters, so they were removed:"),
        "embedTitle": _("Participation Map: local participation cases on a map"),
        "copied": _("Copied to the clipboard."),
        "skipMap": _("Skip the map's areas and markers"),
    }


def map_page_data(params, *, embed):
    """(what the map's scripts start from: json_script "map-data", the first answers and the
    URLs to preload: first_requests); `params` is the request's query (a QueryDict)."""
    filters, errors = page_selection(params, embed=embed)
    lookups = page_lookups(filters)
    config = {
        **base_map_config(),
        "initialBounds": lookups["initialBounds"],
        # Where Back returns to when the address has neither a place nor a position.
        "regionBounds": lookups["regionBounds"],
    }
    data = {
        "embed": embed,
        "config": config,
        # The server's limits, so that the script checks an address as the API will.
        "limits": {
            "yearMin": MIN_YEAR,
            "yearMax": MAX_YEAR,
            "qMaxLength": MAX_QUERY_LENGTH,
            "qMaxWords": MAX_QUERY_WORDS,
            "pageSize": DEFAULT_LIMIT,
            "views": list(VIEWS),
            "tilesThreshold": settings.MAPA_TILES_THRESHOLD,
        },
        "requests": {"choroplethBy": CHOROPLETH_BY, "facetsBy": FACETS_BY,
                     "listSort": LIST_SORT},
        "tools": lookups["tools"],
        "years": lookups["years"],
        # The names of the region in view; a search elsewhere asks urls.places.
        "places": lookups["places"],
        "urls": {
            "places": reverse("map-places"),
            "points": reverse("api-point-list"),
            # The script puts each tile's z/x/y in place of 0/0/0.
            "tiles": reverse("tile", kwargs={"layer": "practices", "z": "0", "x": "0", "y": "0"}),
            "point": reverse("api-point-detail", kwargs={"pk": "0"}),
            "practices": reverse("api-practice-list"),
            "stats": reverse("api-stats"),
            "municipalities": reverse("api-municipality-list"),
            "map": reverse("map"),
            "case": reverse("practice-detail", kwargs={"slug": "__slug__"}),
            "gmina": reverse("municipality-detail", kwargs={"teryt": "0000000"}),
        },
    }
    answers, preload, tiles = first_requests(params, filters, errors)
    # The script starts the preloaded requests before it builds the map (static/js/map/api.js).
    # When the first view is drawn from vector tiles, the page asks for the view's tiles as
    # soon as the map's size is known (static/js/map/first-tiles.js), else as soon as the map
    # has its view (tile-points.js, prefetchTiles), with the selection's query.
    data["early"] = preload
    data["tilesFirst"] = False if tiles is None else {"query": tiles}
    return data, answers, preload


class MapView(TemplateView):
    """The interactive map: markers or choropleth, filters, the list twin, embed dialog."""

    template_name = "practices/map.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs).render()
        return asset_links(compressed(request, response), SITE_ASSETS + MAP_ASSETS)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data, answers, preload = map_page_data(self.request.GET, embed=False)
        data["lang"] = self.request.LANGUAGE_CODE
        data["urls"]["embedAbsolute"] = embed_base_url(self.request)
        context.update(
            map_data=data, map_strings=js_strings(), tools=data["tools"], preload_urls=preload,
            map_answers=answers_script(answers),
        )
        return context


# The files the map's HTML loads (templates/partials/map_assets.html; the map page adds the
# site's stylesheet), as (static path, Link relation).
MAP_ASSETS = [
    ("build/map.css", "preload; as=style"),
    ("vendor/leaflet/leaflet.js", "preload; as=script"),
    ("build/map.js", "modulepreload"),
]
SITE_ASSETS = [("css/site.css", "preload; as=style")]


def asset_links(response, assets):
    """Names the page's styles and scripts that it links (those not written into it,
    practices.pages.inline_assets) in a Link header, so that the browser asks for them as
    soon as the response's headers arrive rather than once the renderer has started parsing
    (on a slow phone, about a tenth of a second earlier), and so that a front proxy can send
    them as 103 Early Hints."""
    linked = [(path, rel) for path, rel in assets if inline_text(path) is None]
    if linked:
        response["Link"] = ", ".join(f"<{static(path)}>; rel={rel}" for path, rel in linked)
    return response


def embed_base_url(request):
    return site_root(request) + reverse("embed")
