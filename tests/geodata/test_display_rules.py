"""The display rules on hand-made shapes: rounding keeps neighbours matched and valid, and
the representative point falls inside even where the centroid does not."""
import numpy as np
import shapely
from shapely import Polygon, affinity

from geodata import display


def _coverage_with_a_narrow_slot():
    """A: a block with a 2 m wide slot cut in; B: the slot; C: A's western neighbour.
    Rounded to 4 decimals, the slot's walls (y = 0.00011 and 0.00013) fall onto one line."""
    a = Polygon([(0, 0), (0.001, 0), (0.001, 0.00011), (0.0002, 0.00011), (0.0002, 0.00013),
                 (0.001, 0.00013), (0.001, 0.0003), (0, 0.0003)])
    b = Polygon([(0.0002, 0.00011), (0.001, 0.00011), (0.001, 0.00013), (0.0002, 0.00013)])
    c = Polygon([(-0.001, 0), (0, 0), (0, 0.0003), (-0.001, 0.0003)])
    return np.array([a, b, c], dtype=object)


def test_rounding_that_would_break_a_gmina_keeps_its_vertices_finer():
    coverage = _coverage_with_a_narrow_slot()
    assert not all(shapely.is_valid(shapely.set_precision(coverage, 1e-4, mode="pointwise")))

    rounded, escalated, repaired = display.round_coverage(coverage)

    assert (escalated, repaired) == ([0, 1], [])
    assert all(shapely.is_valid(rounded))
    assert shapely.coverage_is_valid(rounded)
    assert shapely.equals(rounded[1], coverage[1])


def test_rounding_keeps_shared_vertices_shared():
    c = _coverage_with_a_narrow_slot()[2]
    east = affinity.translate(c, xoff=-0.001)
    coverage = np.array([affinity.translate(c, 0.123456789, 0.123456789),
                         affinity.translate(east, 0.123456789, 0.123456789)])

    rounded, escalated, _repaired = display.round_coverage(coverage)

    assert escalated == []
    assert shapely.coverage_is_valid(rounded)
    assert shapely.get_coordinates(rounded[0]).round(display.DISPLAY_DECIMALS).tolist() == \
        shapely.get_coordinates(rounded[0]).tolist()
    assert shapely.intersection(rounded[0], rounded[1]).length > 0


def test_the_representative_point_of_a_crescent_lies_inside_it():
    # A C-shaped gmina near Białystok whose centroid falls in the gap of the C.
    crescent = Polygon([(23.0, 53.0), (23.3, 53.0), (23.3, 53.05), (23.05, 53.05),
                        (23.05, 53.15), (23.3, 53.15), (23.3, 53.2), (23.0, 53.2)])
    assert not crescent.contains(crescent.centroid)

    point, = display.representative_points([crescent])

    assert crescent.contains(point)


def test_a_multipart_gmina_gets_its_point_in_the_largest_part():
    large = Polygon([(22.0, 53.0), (22.2, 53.0), (22.2, 53.2), (22.0, 53.2)])
    islet = Polygon([(22.5, 53.0), (22.51, 53.0), (22.51, 53.01), (22.5, 53.01)])

    point, = display.representative_points([shapely.MultiPolygon([islet, large])])

    assert large.contains(point)


def test_areas_are_measured_on_an_equal_area_projection():
    # One degree of latitude by one of longitude at 53° N: about 111.25 × 67.0 km.
    cell = Polygon([(22, 52.5), (23, 52.5), (23, 53.5), (22, 53.5)])

    area, = display.areas_km2([cell])

    assert 7_400 < area < 7_500
