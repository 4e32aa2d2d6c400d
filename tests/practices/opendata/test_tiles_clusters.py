"""Up to zoom 13 a cases tile holds one point per grid cell (4 × 4 cells a tile, or 8 × 8 with
`cells=8`) with the number of the selection's cases in it, at their mean position; a cell of
one case is that case (its id, tool, year and sample). Every case of the selection is counted
exactly once, even on a tile's border, where the zoom-14 tiles' buffer repeats the cases of the
edge."""
import math

import mapbox_vector_tile
import pytest
from django.contrib.gis.geos import Point

from tests.factories import make_municipality, make_practice
from tests.practices.api.world import FILTER_CASES, PUBLISHED
from tests.practices.opendata.test_tiles import WORLD_TILE, place, tile_of

EXTENT = 4096
CELL = EXTENT // 4
RADIUS = 6378137.0  # of Web Mercator (EPSG:3857)


def pixel(lon, lat, z):
    """A point's Web Mercator pixel in the whole world at zoom z, in tile units (4,096 a
    tile), y down: worked out here with the spherical formulas, not by PostGIS."""
    half = math.pi * RADIUS
    x = RADIUS * math.radians(lon)
    y = RADIUS * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    scale = 2 ** z * EXTENT / (2 * half)
    return (x + half) * scale, (half - y) * scale


def cells(client, tile, params=None):
    z, x, y = tile
    response = client.get(f"/tiles/practices/{z}/{x}/{y}.mvt", params or {})
    assert response.status_code == 200, response.content[:300]
    layers = mapbox_vector_tile.decode(response.content, default_options={"y_coord_down": True})
    return layers.get("practices", {"features": []})["features"]


def cell_of(x, y):
    """(row, column) of a tile's cell holding the point (x, y)."""
    return y // CELL, x // CELL


def total(features):
    return sum(feature["properties"]["count"] for feature in features)


@pytest.mark.parametrize(
    ("params", "expected"), [case for case in FILTER_CASES if "bbox" not in case[0]]
)
def test_a_low_zoom_tile_counts_exactly_the_selection(client, shared_world, params, expected):
    features = cells(client, WORLD_TILE, params)
    assert total(features) == len(expected)
    lone = {f["properties"]["id"] for f in features if f["properties"]["count"] == 1}
    assert lone <= {shared_world["cases"][slug].pk for slug in expected}


def test_hidden_cases_are_never_counted(client, world):
    assert total(cells(client, WORLD_TILE)) == len(PUBLISHED)


def test_the_cells_of_a_tile_count_their_cases_at_their_mean(client, world):
    """The tile over the region at zoom 8: each gmina's cases in its own cell, checked
    against the cells and means worked out here from the cases' coordinates."""
    z = 8
    tile = tile_of(23.15, 53.15, z)
    expected = {}
    for slug in PUBLISHED:
        case = world["cases"][slug]
        px, py = pixel(*place(case), z)
        if (math.floor(px / EXTENT), math.floor(py / EXTENT)) != tile[1:]:
            continue
        px, py = px - tile[1] * EXTENT, py - tile[2] * EXTENT
        expected.setdefault((px // CELL, py // CELL), []).append((case, px, py))
    assert len(expected) >= 2  # the test needs cells of several cases and of one
    features = sorted(cells(client, tile), key=lambda f: cell_of(*f["geometry"]["coordinates"]))
    assert len(features) == len(expected)
    for feature, (cell, members) in zip(
            features, sorted(expected.items(), key=lambda item: item[0][::-1]), strict=True):
        assert cell_of(*feature["geometry"]["coordinates"]) == cell[::-1]
        properties = {"count": len(members)}
        if len(members) == 1:
            case = members[0][0]
            properties.update(id=case.pk, tool=case.tool.slug, year=case.year,
                              sample=case.is_sample)
        assert feature["properties"] == properties
        x, y = feature["geometry"]["coordinates"]
        assert abs(x - sum(m[1] for m in members) / len(members)) <= 1
        assert abs(y - sum(m[2] for m in members) / len(members)) <= 1


def test_a_lone_case_is_drawn_as_that_case_where_it_is(client, world):
    case = world["cases"]["panel-warszawa-2022"]
    features = cells(client, WORLD_TILE, {"municipality": "1465011"})
    px, py = pixel(*place(case), WORLD_TILE[0])
    assert features == [{
        "geometry": {"type": "Point", "coordinates": [
            math.floor(px - WORLD_TILE[1] * EXTENT), math.floor(py - WORLD_TILE[2] * EXTENT)]},
        "properties": {"count": 1, "id": case.pk, "tool": "panel-obywatelski", "year": 2022,
                       "sample": False},
        "id": 0, "type": "Feature",
    }]


@pytest.mark.django_db
def test_a_case_near_or_on_a_tile_border_is_counted_once(client):
    """Cases on the corner of four zoom-10 tiles, on their borders and a few pixels off them
    (inside the neighbours' buffer): the four tiles count each once."""
    z, count = 10, 2 ** 10
    column, row = 571, 330  # the corner north-west of tile (571, 330), near Ełk
    lon = column / count * 360 - 180
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / count))))
    elk = make_municipality("2807011", "Ełk", 22.3, 53.8)
    step = 360 / count / 256  # one pixel
    offsets = [(0, 0), (0, 1e-9), (1e-9, 0), (-1e-9, -1e-9), (3 * step, 0), (-3 * step, 0),
               (0, 3 * step), (0, -3 * step), (3 * step, -3 * step), (-3 * step, 3 * step)]
    made = {make_practice(elk, location=Point(lon + dx, lat + dy, srid=4326)).pk
            for dx, dy in offsets}
    features = [feature for dx in (-1, 0) for dy in (-1, 0)
                for feature in cells(client, (z, column + dx, row + dy))]
    assert total(features) == len(made)
    lone = [f["properties"]["id"] for f in features if f["properties"]["count"] == 1]
    assert len(lone) == len(set(lone)) and set(lone) <= made


@pytest.mark.django_db
def test_a_low_zoom_tile_served_again_counts_a_case_added_since(client):
    elk = make_municipality("2807011", "Ełk", 22.3, 53.8)
    tile = tile_of(22.35, 53.85, 10)
    first = make_practice(elk, location=Point(22.35, 53.85, srid=4326))
    assert [f["properties"] for f in cells(client, tile)] == [
        {"count": 1, "id": first.pk, "tool": "budzet-obywatelski", "year": 2024,
         "sample": False}]
    make_practice(elk, location=Point(22.351, 53.851, srid=4326))
    assert [f["properties"] for f in cells(client, tile)] == [{"count": 2}]


def test_eight_cells_a_side_are_the_cells_of_the_four_tiles_of_the_next_zoom(client, world):
    """A tile drawn 512 pixels wide at map zoom z + 1 is the tile of zoom z with `cells=8`: its
    cells are those of the four zoom z + 1 tiles of 4 × 4 cells (the same cases in the same
    64-pixel cells), so the map looks the same from either."""
    z = 7
    tile = tile_of(23.15, 53.15, z)

    def world_cells(features, column, row, cell):
        """(column, row) of each feature's cell in the whole world's grid, its count and id."""
        found = []
        for feature in features:
            x, y = feature["geometry"]["coordinates"]
            found.append(((column * EXTENT + x) // cell, (row * EXTENT + y) // cell,
                          feature["properties"]["count"], feature["properties"].get("id")))
        return found

    eight = cells(client, tile, {"cells": "8"})
    from_eight = sorted(world_cells(eight, tile[1], tile[2], EXTENT // 8))
    from_four = sorted(
        found
        for column in (tile[1] * 2, tile[1] * 2 + 1) for row in (tile[2] * 2, tile[2] * 2 + 1)
        for found in world_cells(cells(client, (z + 1, column, row)), column, row, CELL)
    )
    assert len(from_eight) >= 3 and any(found[2] > 1 for found in from_eight)
    assert from_eight == from_four
    assert total(eight) == total(cells(client, tile)) > 0
