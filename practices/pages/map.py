"""The interactive map ('/') and the data its scripts start from.

The page is static HTML plus two json_script blocks built here (map-data: configuration,
tools, years, places and links; map-strings: the scripts' translated strings); the cases
themselves come from the public API. So the page carries no per-user state and sets no
cookie, and shared caches can keep it.
"""
import datetime
import re

from django.conf import settings
from django.contrib.gis.db.models import Extent
from django.db.models import Max, Min, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from geodata.basemap import base_map_config
from geodata.models import County, Municipality, MunicipalityType, Voivodeship
from geodata.teryt import GMINA_TYPES
from practices.models import ParticipationTool, Practice
from practices.pages.site import site_root

# How far back the year slider reaches when there are no cases yet.
EMPTY_YEAR_SPAN = 10
PLACE_PARAMETERS = (
    ("voivodeship", "voivodeship_id", re.compile(r"\d{2}")),
    ("county", "county_id", re.compile(r"\d{4}")),
    ("municipality", "teryt", re.compile(r"\d{7}")),
)


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


def county_label(name, kind):
    if kind and kind != "powiat":
        return _("%(name)s (city with county rights)") % {"name": name}
    return _("%(name)s county") % {"name": name}


def place_entries():
    """Names for the place search and the filter chips: only units that have gminy in the
    register, so every choice can match something. Gminy are [teryt, name, type]."""
    with_gminy = Municipality.objects.values("county_id")
    counties = County.objects.filter(teryt__in=with_gminy).order_by("teryt")
    voivodeships = Voivodeship.objects.filter(
        teryt__in=Municipality.objects.values("voivodeship_id")
    ).order_by("teryt")
    return {
        "voivodeships": [
            [v.teryt, _("%(name)s voivodeship") % {"name": v.name}] for v in voivodeships
        ],
        "counties": [
            [c.teryt, county_label(c.name or c.teryt, c.kind)]
            for c in counties.only("teryt", "name", "kind")
        ],
        "gminy": list(Municipality.objects.order_by("teryt").values_list("teryt", "name", "type")),
        # Keyed by the TERYT type digit (the register) and by the API's word for it.
        "types": {
            key: str(choice.label)
            for choice in MunicipalityType
            for key in (str(choice.value), GMINA_TYPES[str(choice.value)])
        },
    }


def extent(gminy):
    """[[south, west], [north, east]] of some gminy's display boundaries, or None."""
    box = gminy.aggregate(box=Extent(Coalesce("display_boundary", "boundary")))["box"]
    if box is None:
        return None
    west, south, east, north = box
    return [[round(south, 5), round(west, 5)], [round(north, 5), round(east, 5)]]


def initial_bounds(params, *, embed):
    """Where the map opens when the URL gives no lat/lon/zoom: the place filter's gminy, else
    (in an embed, whose size is unknown) the whole default region, else None: the map page
    then uses MAPA_MAP_CENTER and MAPA_MAP_ZOOM. Malformed codes are ignored here; the page's
    script reports them."""
    place = Q()
    for name, field, pattern in PLACE_PARAMETERS:
        codes = [
            code for value in params.getlist(name) for code in value.split(",")
            if pattern.fullmatch(code.strip())
        ]
        if codes:
            place |= Q(**{f"{field}__in": [code.strip() for code in codes]})
    if place:
        found = extent(Municipality.objects.filter(place))
        if found:
            return found
    if embed:
        return extent(Municipality.objects.filter(voivodeship_id__in=settings.MAPA_DEFAULT_REGION))
    return None


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
        "markerLabel": _("%(title)s: %(tool)s, %(year)s, %(gmina)s"),
        "clusterLabel": plural(lambda n: ngettext(
            "%(count)s case here, zoom in", "%(count)s cases here, zoom in", n
        )),
        "legend": _("Legend"),
        "legendTools": _("Tools"),
        "legendChoropleth": _("Matching cases per gmina"),
        "legendCluster": _("Group of cases (number inside)"),
        "noMatching": _("No matching cases"),
        "caseCount": plural(lambda n: ngettext(
            "%(count)s case", "%(count)s cases", n
        )),
        "caseRange": _("%(min)s–%(max)s cases"),
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
    }


def first_collection_url(params):
    """The API request the page's script starts with, when it is certain: with no case filter
    but tools in the address it asks for the whole collection (tools are filtered in the
    browser). The page preloads it, so the request starts with the HTML instead of after the
    scripts. With other filters there is nothing to preload (a guess could cost a download)."""
    case_filters = ("year", "year_from", "year_to", "voivodeship", "county", "municipality", "q")
    if any(params.get(name) for name in case_filters):
        return None
    return reverse("api-practice-list")


def map_page_data(params, *, embed):
    """What the map's scripts start from (json_script "map-data"); `params` is the request's
    query (a QueryDict)."""
    config = {**base_map_config(), "initialBounds": initial_bounds(params, embed=embed)}
    return {
        "embed": embed,
        "config": config,
        "tools": tool_entries(),
        "years": year_bounds(),
        "places": place_entries(),
        "urls": {
            "practices": reverse("api-practice-list"),
            "municipalities": reverse("api-municipality-list"),
            "map": reverse("map"),
            "case": reverse("practice-detail", kwargs={"slug": "__slug__"}),
            "gmina": reverse("municipality-detail", kwargs={"teryt": "0000000"}),
        },
    }


class MapView(TemplateView):
    """The interactive map: markers or choropleth, filters, the list twin, embed dialog."""

    template_name = "practices/map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = map_page_data(self.request.GET, embed=False)
        data["lang"] = self.request.LANGUAGE_CODE
        data["urls"]["embedAbsolute"] = embed_base_url(self.request)
        context.update(
            map_data=data, map_strings=js_strings(), tools=data["tools"],
            preload_url=first_collection_url(self.request.GET),
        )
        return context


def embed_base_url(request):
    return site_root(request) + reverse("embed")
