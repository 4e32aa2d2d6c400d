"""What the map shows of a gmina: its display boundary, representative point and area.

Policies:
- Display boundaries are simplified together, as one coverage (shapely.coverage_simplify,
  Visvalingam-Whyatt on shared edges), in EPSG:2180 metres with the tolerance
  settings.MAPA_DISPLAY_TOLERANCE_M. Neighbours therefore keep identical shared borders: no
  gaps, no overlaps. Simplification depends on the neighbours, so after every gmina import
  the display boundaries of ALL gminy in the database are recomputed and only the rows whose
  result differs are written.
- Display coordinates are rounded to DISPLAY_DECIMALS decimal degrees (about 11 m north-south,
  7 m east-west in Poland: below a pixel up to zoom 12). Rounding is a function of the
  coordinate alone, so a vertex two neighbours share stays shared. Where rounding would make a
  gmina invalid, that gmina's vertices keep FINE_DECIMALS, and so do the same vertices in its
  neighbours; a gmina still invalid after that is repaired with make_valid (reported).
- The representative point is the centre of the largest circle inscribed in the gmina
  (polylabel), computed in EPSG:2180; if that point is not inside the boundary, GEOS's point
  on surface is used. Either way it lies inside the imported boundary.
- Area is measured in EPSG:3035 (ETRS89 Lambert azimuthal equal-area), in km².
"""
from dataclasses import dataclass, field

import numpy as np
import shapely
from django.conf import settings
from django.contrib.gis.gdal import CoordTransform, OGRGeometry, SpatialReference
from django.db import connection

from geodata.models import Municipality
from geodata.signals import register_changed

METRIC_SRID = 2180  # ETRF2000-PL / CS92: Poland's national grid, metres
EQUAL_AREA_SRID = 3035  # ETRS89 / LAEA Europe
LON_LAT_SRID = 4326
DISPLAY_DECIMALS = 4
FINE_DECIMALS = 6
POINT_DECIMALS = 6
ESCALATION_ROUNDS = 3
# Precision of the inscribed-circle search, in metres: far below what a map shows.
POINT_TOLERANCE_M = 10.0


def reproject(geometries, source_srid, target_srid):
    """Shapely geometries reprojected with GDAL/PROJ (lon/lat order for EPSG:4326)."""
    transform = CoordTransform(SpatialReference(source_srid), SpatialReference(target_srid))
    result = []
    for geometry in geometries:
        ogr = OGRGeometry(memoryview(shapely.to_wkb(geometry)), srs=source_srid)
        ogr.transform(transform)
        result.append(shapely.from_wkb(bytes(ogr.wkb)))
    return np.array(result, dtype=object)


def as_multipolygon(geometry):
    """The polygonal part of a geometry as a MultiPolygon (empty if it has none)."""
    if isinstance(geometry, shapely.MultiPolygon):
        return geometry
    if isinstance(geometry, shapely.Polygon):
        return shapely.MultiPolygon([geometry])
    parts = shapely.get_parts(geometry)
    polygons = []
    for part in parts:
        if isinstance(part, shapely.Polygon | shapely.MultiPolygon):
            polygons.extend(shapely.get_parts(part))
        elif isinstance(part, shapely.GeometryCollection):
            polygons.extend(as_multipolygon(part).geoms)
    return shapely.MultiPolygon([p for p in polygons if not p.is_empty])


def _round(geometries, fine_vertices):
    """Round every coordinate to DISPLAY_DECIMALS, those in fine_vertices (complex x+iy) to
    FINE_DECIMALS. The result depends on the coordinate only, so shared vertices stay equal."""

    def rounder(coords):
        rounded = np.round(coords, DISPLAY_DECIMALS)
        if len(fine_vertices):
            fine = np.isin(coords[:, 0] + 1j * coords[:, 1], fine_vertices)
            rounded[fine] = np.round(coords[fine], FINE_DECIMALS)
        return rounded

    return shapely.remove_repeated_points(shapely.transform(geometries, rounder))


def round_coverage(geometries):
    """Round a coverage in EPSG:4326 while keeping it valid and edge-matched.

    Returns (rounded geometries, indices that needed finer vertices, indices repaired)."""
    geometries = np.asarray(geometries, dtype=object)
    fine = np.array([], dtype=complex)
    escalated = set()
    rounded = _round(geometries, fine)
    for _ in range(ESCALATION_ROUNDS):
        invalid = np.flatnonzero(~shapely.is_valid(rounded))
        if not len(invalid):
            break
        escalated.update(int(i) for i in invalid)
        coords = shapely.get_coordinates(geometries[invalid])
        fine = np.union1d(fine, coords[:, 0] + 1j * coords[:, 1])
        rounded = _round(geometries, fine)
    repaired = [int(i) for i in np.flatnonzero(~shapely.is_valid(rounded))]
    for index in repaired:
        rounded[index] = as_multipolygon(shapely.make_valid(rounded[index]))
    rounded = np.array([as_multipolygon(g) for g in rounded], dtype=object)
    return rounded, sorted(escalated), repaired


def display_boundaries(boundaries_metric, tolerance_m):
    """Display boundaries (EPSG:4326, rounded) for a coverage given in EPSG:2180.

    Returns (geometries, indices that needed finer vertices, indices repaired)."""
    boundaries_metric = np.asarray(boundaries_metric, dtype=object)
    if not len(boundaries_metric):
        return boundaries_metric, [], []
    simplified = (
        shapely.coverage_simplify(boundaries_metric, tolerance_m)
        if tolerance_m > 0 else boundaries_metric
    )
    return round_coverage(reproject(simplified, METRIC_SRID, LON_LAT_SRID))


def representative_points(boundaries):
    """A point inside each boundary (EPSG:4326): polylabel computed in metres, else GEOS's
    point on surface."""
    boundaries = np.asarray(boundaries, dtype=object)
    if not len(boundaries):
        return boundaries
    metric = reproject(boundaries, LON_LAT_SRID, METRIC_SRID)
    centres = shapely.get_point(shapely.maximum_inscribed_circle(metric, POINT_TOLERANCE_M), 0)
    points = shapely.set_precision(
        reproject(centres, METRIC_SRID, LON_LAT_SRID), 10**-POINT_DECIMALS, mode="pointwise"
    )
    outside = ~shapely.contains_properly(boundaries, points)
    if outside.any():
        points[outside] = shapely.point_on_surface(boundaries[outside])
    return points


def areas_km2(boundaries):
    """Areas in km² on the ETRS89 equal-area projection, rounded to 1 m²."""
    boundaries = np.asarray(boundaries, dtype=object)
    if not len(boundaries):
        return []
    return [round(a / 1e6, 6) for a in shapely.area(
        reproject(boundaries, LON_LAT_SRID, EQUAL_AREA_SRID))]


def refresh_display_boundaries(tolerance_m=None):
    """Recompute the display boundaries of every gmina in the database and write those that
    changed. Returns a DisplayRefresh."""
    if tolerance_m is None:
        tolerance_m = settings.MAPA_DISPLAY_TOLERANCE_M
    table = Municipality._meta.db_table
    with connection.cursor() as cursor:
        # Reprojection in PostGIS: one statement instead of one GDAL call per row. (The
        # table name is the model's own; every value is a parameter.)
        cursor.execute(
            f"SELECT teryt, name, ST_AsBinary(ST_Transform(boundary, %s)), "  # noqa: S608 # nosec B608
            f"ST_AsBinary(display_boundary) FROM {table} ORDER BY teryt",
            [METRIC_SRID],
        )
        rows = cursor.fetchall()
    if not rows:
        return DisplayRefresh(total=0, changed=0)
    codes = [row[0] for row in rows]
    names = [row[1] for row in rows]
    metric = shapely.from_wkb([bytes(row[2]) for row in rows])
    current = shapely.from_wkb([bytes(row[3]) if row[3] is not None else None for row in rows])
    display, escalated, repaired = display_boundaries(metric, tolerance_m)
    changed = [
        index for index in range(len(rows))
        if current[index] is None or not shapely.equals_exact(current[index], display[index], 0)
    ]
    if changed:
        with connection.cursor() as cursor:
            # The table name is the model's own; every value is a parameter.
            cursor.execute(
                f"UPDATE {table} AS m SET display_boundary = ST_GeomFromWKB(v.wkb, %s), "  # noqa: S608 # nosec B608
                "updated_at = now() FROM unnest(%s::text[], %s::bytea[]) AS v(teryt, wkb) "
                "WHERE m.teryt = v.teryt",
                [
                    LON_LAT_SRID,
                    [codes[i] for i in changed],
                    [shapely.to_wkb(display[i]) for i in changed],
                ],
            )
        # A raw UPDATE sends no post_save: tell whoever caches the register.
        register_changed.send(sender=Municipality, using=connection.alias)
    return DisplayRefresh(
        total=len(rows),
        changed=len(changed),
        escalated=[(codes[i], names[i]) for i in escalated],
        repaired=[(codes[i], names[i]) for i in repaired],
    )


@dataclass
class DisplayRefresh:
    """What a refresh did: rows seen and rewritten, gminy (teryt, name) whose display boundary
    needed finer coordinates, and those repaired after rounding."""

    total: int
    changed: int
    escalated: list = field(default_factory=list)
    repaired: list = field(default_factory=list)
