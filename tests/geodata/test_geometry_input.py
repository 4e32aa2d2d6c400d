"""Geometry typed or pasted by people (geodata.geometry.parse_geometry) is stored only when it
is WGS 84 longitude/latitude with finite, in-range coordinates, closed rings, valid polygons
and a bounded size; anything else is refused with a message naming the problem."""
import pytest
from django.utils import translation

from geodata.geometry import MAX_TEXT, GeometryInputError, parse_geometry

SQUARE = "[[23,53],[23.1,53],[23.1,53.1],[23,53.1],[23,53]]"
REFUSED = [
    # (text, types, code, part of the message)
    ("POINT (NaN NaN)", ("Point",), "not_finite", "finite number"),
    ('{"type": "Point", "coordinates": [NaN, 53]}', ("Point",), "not_finite", "finite number"),
    ('{"type": "Point", "coordinates": [1e400, 53]}', ("Point",), "not_finite", "finite number"),
    ('{"type": "Point", "coordinates": ["23", 53]}', ("Point",), "not_finite", "finite number"),
    ("0101000020E6100000000000000000F87F000000000000F87F", ("Point",), "empty", "empty"),
    ("POINT (200 53)", ("Point",), "out_of_range", "between -180 and 180"),
    ("POINT (53 123)", ("Point",), "out_of_range", "longitude first"),
    ("SRID=2180;POINT (500000 600000)", ("Point",), "foreign_crs", "Only WGS 84"),
    ('{"type": "Point", "coordinates": [23, 53], "crs": {"type": "name", '
     '"properties": {"name": "EPSG:2180"}}}', ("Point",), "foreign_crs", "EPSG:4326"),
    ("01010000208408000000000000000000000000000000000000", ("Point",), "foreign_crs",
     "Only WGS 84"),
    ("POINT Z (23 53 100)", ("Point",), "3d", "two coordinates"),
    ("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))", None, "invalid_polygon", "Self-intersection"),
    ("POLYGON ((0 0, 1 0, 1 1, 0 0.5))", None, "unclosed_ring", "not closed"),
    ('{"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0.5]]]}', None,
     "unclosed_ring", "not closed"),
    ('{"type": "MultiPolygon", "coordinates": [[[[0,0],[1,0],[0,0]]]]}', None,
     "unclosed_ring", "four positions"),
    ("MULTIPOINT (" + ", ".join(["23 53"] * 10_001) + ")", None, "too_large", "positions"),
    ("POINT (23 53)" + " " * MAX_TEXT, ("Point",), "too_large", "characters"),
    ("LINESTRING (23 53, 24 54)", ("Point",), "wrong_type", "give a Point"),
    ("not a geometry", None, "invalid", "neither GeoJSON nor WKT"),
    ("{not json", None, "invalid", "not valid GeoJSON"),
    ("", None, "empty", "Give a geometry"),
]


@pytest.mark.parametrize(("text", "types", "code", "message"), REFUSED,
                         ids=[f"{code}:{text[:40]}" for text, _t, code, _m in REFUSED])
def test_it_refuses_geometry_it_cannot_store_naming_the_problem(text, types, code, message):
    with translation.override("en"), pytest.raises(GeometryInputError) as raised:
        parse_geometry(text, types)
    assert raised.value.code == code
    assert message in str(raised.value)


@pytest.mark.parametrize("text", [
    "POINT (23.16 53.13)", "SRID=4326;POINT (23.16 53.13)",
    '{"type": "Point", "coordinates": [23.16, 53.13]}',
    "0101000020E61000008FC2F5285C2937408FC2F5285C904A40",
    '{"type": "Polygon", "coordinates": [' + SQUARE + "]}",
    "POINT (-180 -90)", "POINT (180 90)",
])
def test_it_accepts_wgs84_geometry_as_geojson_wkt_or_wkb(text):
    geometry = parse_geometry(text)
    assert geometry.srid == 4326
    assert geometry.valid
