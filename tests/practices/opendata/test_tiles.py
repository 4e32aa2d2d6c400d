"""Vector tiles hold exactly the selection the API returns, clipped to the tile, and refuse
what is not a tile or not a filter with a 400 naming it. From zoom 14 on, a point per case
(the low zooms' counts per cell: test_tiles_clusters.py)."""
import math

import mapbox_vector_tile
import pytest

from tests.practices.api.world import FILTER_CASES, HIDDEN

# One z3 tile holds every gmina of the world (Warszawa to Ełk).
WORLD_TILE = (3, 4, 2)
CASE_ZOOM = 14  # the first zoom with a point per case


def tile_of(lon, lat, zoom):
    count = 2 ** zoom
    x = int((lon + 180) / 360 * count)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * count)
    return zoom, x, y


def decode(api, layer, tile, params=None, **headers):
    z, x, y = tile
    response = api.get(f"/tiles/{layer}/{z}/{x}/{y}.mvt", params or {}, **headers)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/vnd.mapbox-vector-tile"
    return mapbox_vector_tile.decode(response.content).get(layer, {"features": []})["features"]


def place(case):
    """(lon, lat) where a case is drawn: its location, else its gmina's point."""
    return (case.location or case.municipality.point).coords


def case_tiles(world):
    """The zoom-14 tiles that hold the world's cases (each case's point is in one)."""
    return {tile_of(*place(case), CASE_ZOOM) for case in world["cases"].values()}


@pytest.mark.parametrize(
    ("params", "expected"), [case for case in FILTER_CASES if "bbox" not in case[0]]
)
def test_the_points_tiles_hold_exactly_the_selection(api, shared_world, params, expected):
    ids = sorted(feature["properties"]["id"] for tile in case_tiles(shared_world)
                 for feature in decode(api, "practices", tile, params))
    assert ids == sorted(shared_world["cases"][slug].pk for slug in expected)


def test_every_point_carries_its_tool_year_and_sample_flag(api, world):
    case = world["cases"]["bo-elk-2020"]
    tile = tile_of(*place(case), CASE_ZOOM)
    features = {f["properties"]["id"]: f for f in decode(api, "practices", tile)}
    assert features[case.pk]["properties"] == {
        "id": case.pk, "tool": "budzet-obywatelski", "year": 2020, "sample": True,
    }
    assert features[case.pk]["geometry"]["type"] == "Point"


def test_hidden_cases_never_reach_a_tile(api, world):
    hidden = {world["cases"][slug].pk for slug in HIDDEN}
    for layer_params in ({}, {"year": "2020"}, {"tool": "referendum"}):
        ids = {f["properties"]["id"] for tile in case_tiles(world)
               for f in decode(api, "practices", tile, layer_params)}
        assert ids and not ids & hidden


def test_a_close_tile_holds_only_the_points_inside_it(api, world):
    near_bialystok = tile_of(23.15, 53.15, CASE_ZOOM)
    ids = {f["properties"]["id"] for f in decode(api, "practices", near_bialystok)}
    assert ids == {world["cases"][slug].pk
                   for slug in ("bo-bialystok-2019", "bo-bialystok-2020")}


@pytest.mark.parametrize(
    ("params", "expected"), [case for case in FILTER_CASES if "bbox" not in case[0]]
)
def test_the_gmina_tile_counts_what_the_api_counts(api, shared_world, params, expected):
    features = decode(api, "municipalities", WORLD_TILE, params)
    counts = {f["properties"]["teryt"]: f["properties"]["practice_count"] for f in features}
    collection = api.json("/api/municipalities/", params)
    assert counts == {
        f["properties"]["teryt"]: f["properties"]["practice_count"]
        for f in collection["features"]
    }
    assert sum(counts.values()) == len(expected)


def test_a_gmina_tile_names_each_gmina(api, world):
    features = decode(api, "municipalities", WORLD_TILE, {"municipality": "2061011"})
    assert [f["properties"] for f in features] == [
        {"teryt": "2061011", "name": "Białystok", "practice_count": 3}
    ]
    assert features[0]["geometry"]["type"] == "Polygon"


def test_a_tile_is_revalidated_with_its_etag(api, world):
    first = api.get("/tiles/practices/3/4/2.mvt")
    again = api.get("/tiles/practices/3/4/2.mvt", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(("path", "params", "errors"), [
    ("/tiles/practices/21/0/0.mvt", {}, {"z": ["The zoom must be from 0 to 20."]}),
    ("/tiles/practices/3/8/0.mvt", {}, {"x": ["At zoom 3, x must be from 0 to 7."]}),
    ("/tiles/practices/3/0/8.mvt", {}, {"y": ["At zoom 3, y must be from 0 to 7."]}),
    ("/tiles/municipalities/-1/0/0.mvt", {}, {"z": ["'-1' is not a whole number."]}),
    ("/tiles/practices/3/x/0.mvt", {}, {"x": ["'x' is not a whole number."]}),
    ("/tiles/practices/3/²/0.mvt", {}, {"x": ["'²' is not a whole number."]}),
    ("/tiles/practices/3/0/0.mvt", {"year": "20x0"},
     {"year": ["'20x0' is not a year: use a whole year from 1990 to 2100."]}),
    ("/tiles/practices/3/0/0.mvt", {"cells": "5"},
     {"cells": ["The grid must have 4 or 8 cells per side."]}),
    ("/tiles/municipalities/3/0/0.mvt", {"cells": "８"},
     {"cells": ["The grid must have 4 or 8 cells per side."]}),
    ("/tiles/practices/3/0/0.mvt", {"bbox": "1,2,3,4"},
     {"bbox": ["Unknown parameter 'bbox'. Allowed: tool, year, year_from, year_to, "
               "municipality, county, voivodeship, q, cells."]}),
    ("/tiles/practices/3/0/0.mvt", {"cells": ["8", "8"]}, {"cells": ["Give 'cells' only once."]}),
])
def test_what_is_not_a_tile_or_a_filter_is_a_400_naming_it(api, db, path, params, errors):
    response = api.get(path, params)
    assert response.status_code == 400
    assert response.json() == {"errors": errors}


def test_an_unknown_layer_is_not_found(api, db):
    assert api.get("/tiles/cases/3/4/2.mvt").status_code == 404
