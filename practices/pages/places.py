"""The names of the place search and the filter chips: voivodeships, counties and gminy.

A map page carries the voivodeships and only the counties and gminy of the region it shows
(the place filter's voivodeships, else MAPA_DEFAULT_REGION): about a tenth of the 2,477
gminy. Searching for a place elsewhere asks `places_view` (/places.json, /en/places.json) once
for the whole country. Both lists are read once per data version and language
(`practices.caching.cached`), and the endpoint answers revalidation with 304.
"""
from django.http import JsonResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from geodata.models import County, Municipality, MunicipalityType, Voivodeship
from geodata.teryt import GMINA_TYPES
from practices.caching import cached
from practices.revalidation import respond

# Browsers revalidate the national list (ETag), never use it stale.
CACHE_CONTROL = "public, no-cache"


def county_label(name, kind):
    if kind and kind != "powiat":
        return _("%(name)s (city with county rights)") % {"name": name}
    return _("%(name)s county") % {"name": name}


def type_labels():
    """Keyed by the TERYT type digit (the register) and by the API's word for it."""
    return {
        key: str(choice.label)
        for choice in MunicipalityType
        for key in (str(choice.value), GMINA_TYPES[str(choice.value)])
    }


def place_entries(voivodeships=None):
    """Names for the place search and the chips: only units that have gminy in the register,
    so every choice can match something. Gminy are [teryt, name, type]. With `voivodeships`
    (TERYT codes), the counties and gminy are only theirs; the voivodeships are always all."""
    gminy = Municipality.objects.order_by("teryt")
    if voivodeships is not None:
        gminy = gminy.filter(voivodeship_id__in=voivodeships)
    counties = County.objects.filter(teryt__in=gminy.values("county_id")).order_by("teryt")
    found = Voivodeship.objects.filter(
        teryt__in=Municipality.objects.values("voivodeship_id")
    ).order_by("teryt")
    return {
        "voivodeships": [[v.teryt, _("%(name)s voivodeship") % {"name": v.name}] for v in found],
        "counties": [
            [c.teryt, county_label(c.name or c.teryt, c.kind)]
            for c in counties.only("teryt", "name", "kind")
        ],
        "gminy": [list(row) for row in gminy.values_list("teryt", "name", "type")],
        "types": type_labels(),
        # Whether every gmina is listed: if not, the search asks places_view for the rest.
        "complete": voivodeships is None,
    }


@require_safe
def places_view(request):
    """Every voivodeship, county and gmina, for a search outside the page's region."""
    language = get_language()

    def build():
        entries = cached("map-places-all", place_entries, language)
        response = JsonResponse(entries)
        response["Cache-Control"] = CACHE_CONTROL
        return response

    return respond(request, build)
