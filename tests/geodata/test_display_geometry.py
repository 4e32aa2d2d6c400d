"""What the map draws from the real NE boundaries: valid display boundaries that keep
neighbours together, and a point inside every gmina."""
import shapely
from django.db import connection

from geodata.display import FINE_DECIMALS
from geodata.models import Municipality

# An overlap is an intersection of interiors larger than this, in m² (EPSG:2180).
OVERLAP_EPSILON_M2 = 1.0


def _query(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_every_representative_point_lies_inside_its_gmina(ne_boundaries):
    outside = _query(
        "SELECT teryt FROM geodata_municipality WHERE voivodeship_id IN ('20', '28') "
        "AND NOT ST_Contains(boundary, point)"
    )
    assert ne_boundaries.count() == 234
    assert outside == []


def test_every_display_boundary_is_a_valid_multipolygon(ne_boundaries):
    rows = _query(
        "SELECT teryt, display_boundary IS NOT NULL AND ST_IsValid(display_boundary) "
        "AND GeometryType(display_boundary) = 'MULTIPOLYGON' AND NOT ST_IsEmpty(display_boundary)"
        " FROM geodata_municipality WHERE voivodeship_id IN ('20', '28')"
    )
    assert len(rows) == 234
    assert [code for code, ok in rows if not ok] == []


def test_gminy_that_touch_in_the_source_still_touch_on_the_map(ne_boundaries):
    pairs = _query(
        "SELECT a.teryt, b.teryt, ST_Intersects(a.display_boundary, b.display_boundary) "
        "FROM geodata_municipality a JOIN geodata_municipality b "
        "ON a.teryt < b.teryt AND ST_Intersects(a.boundary, b.boundary) "
        "WHERE a.voivodeship_id IN ('20', '28') AND b.voivodeship_id IN ('20', '28')"
    )
    # Every gmina has neighbours; 234 gminy share well over 500 borders.
    assert len(pairs) > 500
    assert [(a, b) for a, b, touching in pairs if not touching] == []


def test_no_two_display_boundaries_overlap(ne_boundaries):
    overlapping = _query(
        "SELECT a.teryt, b.teryt FROM geodata_municipality a JOIN geodata_municipality b "
        "ON a.teryt < b.teryt AND ST_Intersects(a.display_boundary, b.display_boundary) "
        "WHERE a.voivodeship_id IN ('20', '28') AND b.voivodeship_id IN ('20', '28') "
        "AND ST_Area(ST_Transform(ST_Intersection(a.display_boundary, b.display_boundary), "
        "2180)) > %s",
        [OVERLAP_EPSILON_M2],
    )
    assert overlapping == []


def test_the_display_boundaries_leave_no_gaps_between_gminy(ne_boundaries):
    displays = [m.display_boundary.wkb for m in ne_boundaries.only("display_boundary")]
    coverage = shapely.from_wkb([bytes(wkb) for wkb in displays])
    # Valid coverage: edges matched, no overlaps, no gap narrower than ~100 m anywhere.
    assert shapely.coverage_is_valid(coverage, gap_width=0.001)
    holes = _query(
        "SELECT ST_NumInteriorRings(ST_GeometryN(ST_Union(display_boundary), 1)), "
        "ST_NumInteriorRings(ST_GeometryN(ST_Union(boundary), 1)), "
        "ST_NumGeometries(ST_Union(display_boundary)) FROM geodata_municipality "
        "WHERE voivodeship_id IN ('20', '28')"
    )
    assert holes == [(0, 0, 1)]


def test_display_coordinates_have_at_most_6_decimals(ne_boundaries):
    coordinates = shapely.get_coordinates(shapely.from_wkb(
        [bytes(m.display_boundary.wkb) for m in ne_boundaries.only("display_boundary")]))
    scaled = coordinates * 10**FINE_DECIMALS
    assert abs(scaled - scaled.round()).max() < 1e-6


def test_display_boundaries_are_lighter_than_the_imported_ones(ne_boundaries):
    (display_points, source_points), = _query(
        "SELECT sum(ST_NPoints(display_boundary)), sum(ST_NPoints(boundary)) "
        "FROM geodata_municipality WHERE voivodeship_id IN ('20', '28')"
    )
    assert display_points <= source_points
    (display_bytes, source_bytes), = _query(
        "SELECT sum(length(ST_AsGeoJSON(display_boundary, 6))), "
        "sum(length(ST_AsGeoJSON(boundary, 6))) FROM geodata_municipality "
        "WHERE voivodeship_id IN ('20', '28')"
    )
    assert display_bytes < 0.9 * source_bytes
    assert Municipality.objects.filter(display_boundary=None).count() == 0
