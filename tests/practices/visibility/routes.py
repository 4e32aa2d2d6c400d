"""Every public route of the site, one row each: how to build its URL for a case of the world
(tests/practices/visibility/world.py), and how to tell whether that case is in the answer.

To add a route: append a `Route(name, url, find)` (own=True only for a case's own page, which
its author and moderators may see whatever its status). `url(world, case)` returns the path
to fetch; `find(response, world, case)` says whether the case shows in the answer, as its
title or slug, its id, or a count that includes it. Answers that are not 200 never show a case.
Count finders rely on the world: each case has a gmina of its own, the hidden cases alone are
of HIDDEN_YEAR, and every case is of one tool (TOOL), of which exactly one case is published.
"""
import csv
import io
import itertools
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

import mapbox_vector_tile

from practices.models import Status
from tests.practices.visibility.world import TOOL


@dataclass(frozen=True)
class Route:
    name: str
    url: Callable
    find: Callable
    # The case's own page: its author and moderators see it whatever its status.
    own: bool = False
    # The answer for a case the user may not see: 404 for a case's own address, else 200
    # (a list or a count that leaves it out).
    absent: int = 200

    def __str__(self):
        return self.name


# --- Reading answers ---------------------------------------------------------------------

def body(response):
    if response.streaming:
        return response.body_bytes  # read by conftest.Fetcher
    return response.content


def text(response):
    return body(response).decode("utf-8", errors="replace")


def data(response):
    return json.loads(body(response))


def context(response, name):
    return response.context[name]


# --- Finders -----------------------------------------------------------------------------

def mentions(response, world, case):
    """The case's title or slug is in the answer (a page, a list, a feed, an export)."""
    answer = text(response)
    return case.title in answer or case.slug in answer


def found(response, world, case):
    """The answer is the case itself (200 for a case's own address)."""
    return response.status_code == 200 and mentions(response, world, case)


def tool_counted(count, case):
    """A count of TOOL includes the case: one published case of TOOL exists, so a hidden case
    is counted when the count is above one."""
    return count >= (1 if case.status == Status.PUBLISHED else 2)


def year_counted(count):
    return count >= 1


def point_ids(response, world, case):
    # The points' ids are steps from the previous id: summed, they are the ids.
    return case.pk in itertools.accumulate(data(response)["id"])


def gmina_feature_count(response, world, case):
    features = data(response)
    features = features.get("features", [features])
    counts = {f.get("id") or f["properties"].get("teryt"): f["properties"]["practice_count"]
              for f in features}
    return counts.get(case.municipality_id, 0) >= 1


def api_tools(response, world, case):
    counts = {row["slug"]: row["practice_count"] for row in data(response)}
    return tool_counted(counts[TOOL], case)


def stats_rows(response, world, case):
    """Rows of /api/stats/ that would count the case: its gmina or its year, by dimension."""
    answer = data(response)
    total = 0
    for row in answer["rows"]:
        if "municipality" in row and row["municipality"] != case.municipality_id:
            continue
        if "year" in row and row["year"] != case.year:
            continue
        total += row["count"]
    return total >= 1


def year_span(years, case):
    return years["min"] <= case.year <= years["max"]


def map_years(response, world, case):
    """The map's year slider spans the published years only (a hidden case's year is outside
    the published cases' span in this world)."""
    return year_span(context(response, "map_data")["years"], case)


def tool_list(response, world, case):
    counts = {tool.slug: count for tool, count in context(response, "tool_rows")}
    return tool_counted(counts[TOOL], case)


def tool_page(response, world, case):
    per_year = dict(context(response, "per_year"))
    return mentions(response, world, case) or year_counted(per_year.get(case.year, 0))


def statistics_page(response, world, case):
    table = context(response, "tool_year")
    in_table = case.year in table.years and any(
        counts[table.years.index(case.year)] for _tool, counts, _total in table.rows)
    ranked = any(row.teryt == case.municipality_id for row in context(response, "ranking").rows)
    return in_table or ranked or mentions(response, world, case)


def ranking_json(response, world, case):
    return any(row["teryt"] == case.municipality_id for row in data(response)["results"])


def ranking_csv(response, world, case):
    rows = csv.DictReader(io.StringIO(text(response).lstrip("\ufeff")))
    return any(row["teryt"] == case.municipality_id for row in rows)


def tile_xyz(case, z=15):  # a point per case from zoom 14 (lower: counts per cell)
    point = case.location
    n = 2 ** z
    x = int((point.x + 180) / 360 * n)
    lat = math.radians(point.y)
    y = int((1 - math.asinh(math.tan(lat)) / math.pi) / 2 * n)
    return f"{z}/{x}/{y}"


def tile_features(response, layer):
    return mapbox_vector_tile.decode(body(response)).get(layer, {"features": []})["features"]


def tile_cases(response, world, case):
    return case.pk in [f["properties"]["id"] for f in tile_features(response, "practices")]


def tile_gminy(response, world, case):
    counts = {f["properties"]["teryt"]: f["properties"]["practice_count"]
              for f in tile_features(response, "municipalities")}
    return counts.get(case.municipality_id, 0) >= 1


def ogc_temporal(response, world, case):
    answer = data(response)
    collections = answer.get("collections", [answer])
    for collection in collections:
        first, last = collection["extent"]["temporal"]["interval"][0]
        if first and last and int(first[:4]) <= case.year <= int(last[:4]):
            return True
    return False


def ogc_gminy(response, world, case):
    counts = {f["id"]: f["properties"]["practice_count"] for f in data(response)["features"]}
    return counts.get(case.municipality_id, 0) >= 1


# --- The table ---------------------------------------------------------------------------

def case_page(world, case):
    return f"/praktyki/{case.slug}/"


def gmina(world, case):
    return case.municipality_id


def always(path):
    return lambda world, case: path


ROUTES = [
    # The public API (practices/api/urls.py).
    Route("api practices (stream)", always("/api/practices/"), mentions),
    Route("api practices (page)", always("/api/practices/?limit=100&sort=-year"), mentions),
    Route("api practices (search by gmina)",
          lambda w, c: f"/api/practices/?q={quote(c.municipality.name)}", mentions),
    Route("api practice detail", lambda w, c: f"/api/practices/{c.slug}/", found, own=True,
          absent=404),
    Route("api points", always("/api/points/"), point_ids),
    Route("api point detail", lambda w, c: f"/api/points/{c.pk}/", found, absent=404),
    Route("api municipalities", always("/api/municipalities/?voivodeship=20"),
          gmina_feature_count),
    Route("api municipality detail", lambda w, c: f"/api/municipalities/{gmina(w, c)}/",
          gmina_feature_count),
    Route("api tools", always("/api/tools/"), api_tools),
    Route("api stats", always("/api/stats/"), stats_rows),
    Route("api stats (choropleth)", always("/api/stats/?by=municipality,tool"), stats_rows),
    Route("api stats (facets)", always("/api/stats/?by=tool"),
          lambda r, w, c: tool_counted(data(r)["rows"][0]["count"], c)),
    Route("api stats (by year)", always("/api/stats/?by=year"), stats_rows),
    # Pages (practices/pages/urls.py), the embed and oEmbed (embed_urls.py).
    Route("map page", always("/"), map_years),
    Route("map page (English)", always("/en/"), map_years),
    Route("embed", always("/embed/?list=1"), map_years),
    Route("case page", case_page, found, own=True, absent=404),
    Route("case page (English)", lambda w, c: f"/en/practices/{c.slug}/", found, own=True,
          absent=404),
    Route("gmina page", lambda w, c: f"/gminy/{gmina(w, c)}/", mentions),
    Route("gmina print sheet", lambda w, c: f"/gminy/{gmina(w, c)}/druk/", mentions),
    Route("tool list", always("/narzedzia/"), tool_list),
    Route("tool page", always(f"/narzedzia/{TOOL}/"), tool_page),
    Route("statistics and ranking", always("/statystyki/"), statistics_page),
    Route("ranking JSON", always("/statystyki/ranking.json"), ranking_json),
    Route("ranking CSV", always("/en/statistics/ranking.csv"), ranking_csv),
    Route("oEmbed of a case page",
          lambda w, c: "/oembed/?url=" + quote(f"http://testserver{case_page(w, c)}", safe=""),
          found, absent=404),
    # Open data (practices/opendata/urls.py).
    Route("tiles: cases", lambda w, c: f"/tiles/practices/{tile_xyz(c)}.mvt", tile_cases),
    Route("tiles: gminy", lambda w, c: f"/tiles/municipalities/{tile_xyz(c)}.mvt", tile_gminy),
    Route("feed atom", always("/feeds/practices.atom"), mentions),
    Route("feed rss", always("/feeds/practices.rss"), mentions),
    Route("static map export", always("/export/map.html"), mentions),
    Route("OGC items", always("/ogc/collections/practices/items?limit=1000"), mentions),
    Route("OGC items (HTML)", always("/ogc/collections/practices/items?f=html"), mentions),
    Route("OGC item", lambda w, c: f"/ogc/collections/practices/items/{c.pk}", found,
          absent=404),
    Route("OGC item (HTML)", lambda w, c: f"/ogc/collections/practices/items/{c.pk}?f=html",
          found, absent=404),
    Route("OGC gminy", always("/ogc/collections/municipalities/items?limit=1000"), ogc_gminy),
    Route("OGC collection extent", always("/ogc/collections/practices"), ogc_temporal),
    Route("OGC collections", always("/ogc/collections"), ogc_temporal),
]
