"""National boundary import and the weight of the map's display boundaries.

Imports ../shared/geodata/gminy_pl.geojson (2,477 gminy) into the configured database and
prints the import time, rows per second, and the size of the GeoJSON of all display
boundaries, raw and gzipped, next to the source file's.

Targets: the import in under IMPORT_TARGET_S; that GeoJSON at most GZIP_TARGET_BYTES gzipped
with coordinates at 6 decimals or fewer; no invalid display boundary, no overlap, no gap and
no lost neighbour.

The database is left as it was: everything runs in one transaction that is rolled back.
Inside it, the gminy no case refers to are removed first, so the import creates them as on a
fresh deployment instead of finding them unchanged.
"""
import gzip
import json
import time

import numpy as np
import shapely
from django.conf import settings
from django.db import connection, transaction

from geodata import display
from geodata.importers import import_boundaries
from geodata.models import Municipality

SOURCE = settings.BASE_DIR.parent / "shared" / "geodata" / "gminy_pl.geojson"
IMPORT_TARGET_S = 60.0
GZIP_TARGET_BYTES = 350_000  # 0.35 MB
GZIP_LEVEL = 6  # what web servers and Django's GZipMiddleware use
MAX_DECIMALS = 6
# Gaps narrower than this (degrees: about 70 m east-west, 110 m north-south) count.
GAP_WIDTH_DEG = 0.001


class _Rollback(Exception):
    pass


def run():
    if not SOURCE.exists():
        print(f"{SOURCE} is missing: nothing to measure.")
        return False
    results = {}
    try:
        with transaction.atomic():
            removed = _remove_unreferenced_gminy()
            results.update(_measure_import(removed))
            results.update(_measure_display())
            raise _Rollback
    except _Rollback:
        pass
    return _print(results)


def _remove_unreferenced_gminy():
    unreferenced = Municipality.objects.all()
    for relation in Municipality._meta.related_objects:
        unreferenced = unreferenced.exclude(**{f"{relation.name}__isnull": False})
    return unreferenced.delete()[1].get(Municipality._meta.label, 0)


def _measure_import(removed):
    started = time.perf_counter()
    report = import_boundaries(SOURCE)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    again = import_boundaries(SOURCE)
    again_seconds = time.perf_counter() - started
    rows = len(report.created) + len(report.updated) + len(report.unchanged)
    return {
        "removed": removed,
        "rows": rows,
        "created": len(report.created),
        "seconds": seconds,
        "again_seconds": again_seconds,
        "again_unchanged": len(again.unchanged) == rows and not again.display_refresh.changed,
        "escalated": report.display_refresh.escalated,
        "repaired": report.display_refresh.repaired,
    }


def _measure_display():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT teryt, name, ST_AsGeoJSON(display_boundary, %s), ST_AsBinary(boundary), "
            "ST_AsBinary(display_boundary), ST_IsValid(display_boundary) "
            "FROM geodata_municipality ORDER BY teryt",
            [MAX_DECIMALS],
        )
        rows = cursor.fetchall()
    # Compact JSON, as an API would send it; the geometry text comes from PostGIS as is.
    features = ",".join(
        '{"type":"Feature","properties":'
        + json.dumps({"teryt": code, "name": name}, ensure_ascii=False, separators=(",", ":"))
        + ',"geometry":' + geometry + "}"
        for code, name, geometry, *_rest in rows
    )
    collection = ('{"type":"FeatureCollection","features":[' + features + "]}").encode()
    source = SOURCE.read_bytes()
    boundaries = shapely.from_wkb([bytes(row[3]) for row in rows])
    displays = shapely.from_wkb([bytes(row[4]) for row in rows])
    coordinates = shapely.get_coordinates(displays) * 10**MAX_DECIMALS
    return {
        "features": len(rows),
        "raw": len(collection),
        "gzip": len(gzip.compress(collection, GZIP_LEVEL)),
        "source_raw": len(source),
        "source_gzip": len(gzip.compress(source, GZIP_LEVEL)),
        "source_vertices": int(shapely.get_num_coordinates(boundaries).sum()),
        "display_vertices": int(shapely.get_num_coordinates(displays).sum()),
        "invalid": sum(1 for row in rows if not row[5]),
        "coverage_valid": bool(shapely.coverage_is_valid(displays)),
        "new_narrow_gaps": sorted(_near_gaps(displays, rows) - _near_gaps(boundaries, rows)),
        "holes": (_holes(displays), _holes(boundaries)),
        "lost_neighbours": len(_touching(boundaries) - _touching(displays)),
        "decimals_ok": bool(np.abs(coordinates - coordinates.round()).max() < 1e-6),
        "hausdorff_m": _displacement(boundaries, displays),
    }


def _near_gaps(geometries, rows):
    """Gminy with an edge closer than GAP_WIDTH_DEG to a non-adjacent edge: a narrow gap, or
    (in the source too) a narrow notch of the national border."""
    edges = shapely.coverage_invalid_edges(geometries, gap_width=GAP_WIDTH_DEG)
    return {rows[i][0] for i, edge in enumerate(edges) if edge is not None and not edge.is_empty}


def _holes(geometries):
    union = shapely.coverage_union_all(geometries)
    return sum(len(polygon.interiors) for polygon in shapely.get_parts(union))


def _touching(geometries):
    tree = shapely.STRtree(geometries)
    left, right = tree.query(geometries, predicate="intersects")
    return {(a, b) for a, b in zip(left.tolist(), right.tolist(), strict=True) if a < b}


def _displacement(boundaries, displays):
    metric = display.reproject(boundaries, display.LON_LAT_SRID, display.METRIC_SRID)
    shown = display.reproject(displays, display.LON_LAT_SRID, display.METRIC_SRID)
    distances = shapely.hausdorff_distance(metric, shown)
    return float(np.median(distances)), float(np.percentile(distances, 95))


def _print(r):
    mb = 1_000_000
    print(f"source: {SOURCE}")
    print(f"tolerance {settings.MAPA_DISPLAY_TOLERANCE_M:g} m, display coordinates at "
          f"{display.DISPLAY_DECIMALS} decimals ({display.FINE_DECIMALS} where needed)")
    print(f"removed first (no case refers to them): {r['removed']} gminy")
    print(f"import: {r['rows']} gminy ({r['created']} created) in {r['seconds']:.2f} s = "
          f"{r['rows'] / r['seconds']:.0f} rows/s (target < {IMPORT_TARGET_S:.0f} s)")
    print(f"second import: {r['again_seconds']:.2f} s, everything unchanged: "
          f"{r['again_unchanged']}")
    print(f"display GeoJSON of {r['features']} gminy: {r['raw'] / mb:.3f} MB raw, "
          f"{r['gzip'] / mb:.3f} MB gzipped (target <= {GZIP_TARGET_BYTES / mb:.2f} MB)")
    print(f"source file:                   {r['source_raw'] / mb:.3f} MB raw, "
          f"{r['source_gzip'] / mb:.3f} MB gzipped")
    print(f"vertices: {r['display_vertices']} shown of {r['source_vertices']} imported; "
          f"displacement median {r['hausdorff_m'][0]:.0f} m, 95th percentile "
          f"{r['hausdorff_m'][1]:.0f} m")
    print(f"invalid display boundaries: {r['invalid']}; valid coverage (edges matched, no "
          f"overlap): {r['coverage_valid']}; holes in the union: {r['holes'][0]} (source "
          f"{r['holes'][1]}); narrow gaps (< {GAP_WIDTH_DEG}°) not in the source: "
          f"{r['new_narrow_gaps']}; neighbours lost: {r['lost_neighbours']}")
    print(f"finer coordinates kept for: {[code for code, _name in r['escalated']]}; "
          f"repaired after rounding: {[code for code, _name in r['repaired']]}")
    print("database rolled back to its state before the benchmark")
    met = (
        r["seconds"] < IMPORT_TARGET_S
        and r["gzip"] <= GZIP_TARGET_BYTES
        and r["invalid"] == 0
        and r["coverage_valid"]
        and r["holes"][0] == r["holes"][1]
        and not r["new_narrow_gaps"]
        and r["lost_neighbours"] == 0
        and r["decimals_ok"]
        and r["again_unchanged"]
    )
    print("targets met" if met else "TARGETS MISSED")
    return met
