"""Every route of the site with the query parameters it understands (its own and the ones
people paste), for the fuzz tests."""
from urllib.parse import quote, urlencode

CASE = ("tool", "year", "year_from", "year_to", "voivodeship", "county", "municipality",
        "bbox", "q")
MAP = (*CASE, "view", "lat", "lon", "zoom", "list", "controls", "lang")

# path -> parameter names. HTML pages cost ~0.1 s a request, the rest a tenth of that:
# PAGES lists the pages, one per view, that the deterministic test tries every value on.
ROUTES = {
    "/": MAP,
    "/en/": MAP,
    "/embed/": MAP,
    "/oembed/": ("url", "format", "maxwidth", "maxheight"),
    "/praktyki/bo-bialystok-2019/": MAP,
    "/en/practices/bo-bialystok-2019/": MAP,
    "/gminy/2061011/": MAP,
    "/narzedzia/": MAP,
    "/narzedzia/budzet-obywatelski/": MAP,
    "/statystyki/": ("voivodeship", "type", "tool", "year"),
    "/statystyki/ranking.csv": ("voivodeship", "type"),
    "/en/statistics/ranking.json": ("voivodeship", "type"),
    "/api/practices/": (*CASE, "limit", "offset", "sort"),
    "/api/points/": CASE,
    "/api/points/1/": ("fields",),
    "/api/practices/bo-bialystok-2019/": ("fields",),
    "/api/municipalities/": CASE,
    "/api/municipalities/2061011/": CASE,
    "/api/tools/": CASE,
    "/api/stats/": (*CASE, "by"),
    "/api/schema/": ("format", "lang"),
    "/tiles/practices/3/4/2.mvt": (*CASE, "cells"),
    "/tiles/municipalities/3/4/2.mvt": (*CASE, "cells"),
    "/feeds/practices.atom": (*CASE, "lang"),
    "/feeds/practices.rss": (*CASE, "lang"),
    "/export/map.html": (*CASE, "view", "title", "lang"),
    "/export/practices.csv": (*CASE, "sep"),
    "/export/practices.xlsx": CASE,
    "/export/practices.geojson": CASE,
    "/export/practices.gpkg": CASE,
    "/export/municipalities.csv": (*CASE, "sep"),
    "/export/municipalities.geojson": CASE,
    "/export/municipalities.gpkg": CASE,
    "/dane/": CASE,
    "/en/data/dcat.jsonld": ("format",),
    "/ogc/collections/practices/items": (*CASE, "limit", "offset", "bbox-crs", "crs",
                                         "datetime", "f"),
    "/ogc/collections/municipalities/items": (*CASE, "limit", "offset", "bbox-crs", "crs",
                                              "datetime", "f"),
    "/ogc/collections/practices/items/1": ("crs", "f"),
    "/ogc/": ("f",),
    "/gminy/2061011/druk/": MAP,
    # The case form's gmina search and point lookup (public data, no sign-in needed).
    "/moje-praktyki/gminy/": ("q",),
    "/moje-praktyki/gminy/point/": ("lon", "lat"),
    "/places.json": MAP,  # takes none: the map's, pasted, are ignored
    "/en/places.json": MAP,
}
PAGES = ("/", "/embed/", "/praktyki/bo-bialystok-2019/", "/gminy/2061011/",
         "/narzedzia/budzet-obywatelski/", "/statystyki/")
DATA = tuple(path for path in ROUTES if path.startswith(("/api/", "/oembed/", "/statystyki/r",
                                                          "/en/statistics/r", "/tiles/",
                                                          "/feeds/", "/ogc/",
                                                          "/export/practices",
                                                          "/export/municipalities")))
# Routes with a free path segment: template with {} for the (quoted) segment.
PATH_ROUTES = (
    "/gminy/{}/", "/en/municipalities/{}/", "/praktyki/{}/", "/narzedzia/{}/",
    "/statystyki/ranking.{}", "/api/municipalities/{}/", "/api/practices/{}/",
    "/api/points/{}/",
    "/tiles/practices/{}/1/1.mvt", "/ogc/collections/{}/items",
    "/ogc/collections/practices/items/{}", "/ogc/collections/municipalities/items/{}",
    "/gminy/{}/druk/", "/feeds/practices.{}", "/moje-praktyki/{}/basics/",
    "/moje-praktyki/1/{}/", "/media/cases/{}", "/media/cases/1/{}", "/export/practices.{}",
    "/export/municipalities.{}",
)
ALLOWED = {200, 301, 302, 304, 400, 404}
# oEmbed answers 501 to a format other than json, as the oEmbed specification says.
EXTRA = {"/oembed/": {501}}


def url(path, pairs):
    return path + ("?" + urlencode(pairs) if pairs else "")


def segment(text):
    return quote(text, safe="")
