"""The OGC items' `bbox` takes any four (or six) numbers, as the OpenAPI definition declares
it: the part of the box inside its system's extent counts, a longitude/latitude box whose west
edge lies east of its east edge crosses the antimeridian (OGC API – Features Part 1, 7.15.3),
and only an inverted latitude (in projected systems, either axis) is a 400."""
import json

import pytest

ITEMS = "/ogc/collections/practices/items"
PUWG = "http://www.opengis.net/def/crs/EPSG/0/2180"
MERCATOR = "http://www.opengis.net/def/crs/EPSG/0/3857"
EPSG4326 = "http://www.opengis.net/def/crs/EPSG/0/4326"
EVERY_CASE = 7


def matched(api, params, expect=200):
    response = api.get(ITEMS, params)
    assert response.status_code == expect, response.content[:300]
    return json.loads(response.content)


@pytest.mark.parametrize(("bbox", "crs"), [
    ("-1e300,-1e300,1e300,1e300", None),
    ("-500,-100,500,100", None),
    ("-1e8,-1e8,1e8,1e8", PUWG),  # PROJ fails far outside PUWG 1992: the box is cut first
    ("-1e30,-1e30,1e30,1e30", PUWG),
    ("-1e300,-1e300,1e300,1e300", MERCATOR),
    ("-1e300,-1e300,0,1e300,1e300,0", None),
    ("-1,-1," + "1" * 400 + ",1" + "0" * 400, EPSG4326),  # past a float: infinity
])
def test_a_box_past_its_systems_extent_stands_for_its_part_inside(api, shared_world, bbox, crs):
    params = {"bbox": bbox} | ({"bbox-crs": crs} if crs else {})
    assert matched(api, params)["numberMatched"] == EVERY_CASE


def test_a_box_wholly_outside_its_system_matches_nothing(api, shared_world):
    data = matched(api, {"bbox": "2e6,2e6,3e6,3e6", "bbox-crs": PUWG})
    assert data["numberMatched"] == 0 and data["features"] == []


def test_a_box_across_the_antimeridian_holds_both_sides(api, shared_world):
    # From 23.2°E eastwards round the world to 22.0°E: every case but those between
    # 22.0°E and 23.2°E (Ełk's and Białystok's).
    round_the_world = matched(api, {"bbox": "23.2,50,22.0,55"})["numberMatched"]
    between = matched(api, {"bbox": "22.0,50,23.2,55"})["numberMatched"]
    assert round_the_world > 0 and between > 0
    assert round_the_world + between == EVERY_CASE


@pytest.mark.parametrize(("bbox", "crs"), [
    ("20,55,24,50", None),
    ("55,20,50,24", EPSG4326),
    ("610000,765000,575000,785000", PUWG),
    ("575000,785000,610000,765000", PUWG),
    ("1,2,3,4,5", None),
])
def test_an_inverted_latitude_or_projected_box_is_a_400(api, db, bbox, crs):
    params = {"bbox": bbox} | ({"bbox-crs": crs} if crs else {})
    assert list(matched(api, params, expect=400)["errors"]) == ["bbox"]
