"""Open data at national scale (issue 10 §7): OGC API items pages, the CSV and GeoPackage
exports, and vector tiles, with 100,000 published cases over all 2,477 gminy (loaded as
`bench api` loads them, removed afterwards), served by gunicorn with ONE worker so that the
serving process's memory is the one measured.

  ogc      /ogc/collections/practices/items pages of 1,000 features (offsets 0, 50,000 and
           99,000) against a floor: one SQL statement written here, independently of the
           product's SQL, that builds the same features and count. Before any time counts,
           the floor must hold exactly the ids an ORM query gives for that page and the
           page's features must be byte for byte the floor's. Target: within 1.3× (median
           of each round's ratio, rounds interleaved). The floor counts the selection every
           time; the product keeps numberMatched per selection until the data changes, so
           after the warm-up its pages reuse the count, as a client paging through does.
  exports  /export/practices.csv and .gpkg of every case, and of one tool (~10,000, to show
           memory does not grow with the selection). Checked complete first: the CSV's ids
           and the GeoPackage's ids (read with sqlite3) must be the ORM's, in order. Reported:
           time to the last byte, and peak memory of the worker (VmHWM) and of the worker
           with its children (ogr2ogr), sampled from /proc every 20 ms. Target: < 300 MB.
  tiles    a z7 and a z10 tile over north-eastern Poland (Białystok): median time of
           TILE_ROUNDS requests and bytes; each tile must decode and count every case PostGIS
           finds in its envelope (those zooms count cases per grid cell: the counts must add
           up; from zoom 14, a point per case, with the tile's buffer). Cold: each request
           follows a data change (one case's updated_at), so the server builds the tile;
           warm: the same tile again, from the server's cache. Target: cold median < 50 ms.

MAPA_BENCH_PARTS=ogc,tiles runs only the parts named (default: ogc, exports, tiles).
MAPA_BENCH_PORT picks the server's port (else a free one); MAPA_BENCH_KEEP=1 leaves the cases
in the database and MAPA_BENCH_REUSE=1 uses them if they are all there (loading takes minutes
on a busy machine).
"""
import csv
import io
import math
import os
import sqlite3
import statistics
import tempfile
import threading
import time
from pathlib import Path

from django.db import connection

from bench import api, floors
from bench import systems as checked
from bench.api import print_checks
from bench.checkouts import HERE, Checkout, Server
from bench.data import remove_added
from bench.systems import Incomplete

PAGE = 1000
OFFSETS = (0, 50_000, 99_000)
TILE_ROUNDS = 20
TILES = [(7, 23.16, 53.13), (10, 23.16, 53.13)]
TARGETS = {"ogc_ratio": 1.3, "memory_mb": 300.0, "tile_ms": 50.0}

# The page's ids first (an index scan), then the text of those 1,000 rows only: building
# the text of the rows an OFFSET skips would cost more than the whole page.
OGC_FLOOR_SQL = """
SELECT (SELECT count(*) FROM practices_practice WHERE status = 'published'),
       coalesce(string_agg(s.feature, ',' ORDER BY s.id), ''),
       array_agg(s.id ORDER BY s.id)
FROM (
    SELECT p.id,
           {feature} AS feature
    FROM (SELECT id FROM practices_practice WHERE status = 'published'
          ORDER BY id LIMIT %(limit)s OFFSET %(offset)s) page
    JOIN practices_practice p ON p.id = page.id
    JOIN practices_participationtool t ON t.id = p.tool_id
    JOIN geodata_municipality m ON m.teryt = p.municipality_id
) s
""".replace("{feature}", floors.CASE_FEATURE)

TILE_COUNT_SQL = """
SELECT count(*) FROM practices_practice p
WHERE p.status = 'published' AND ST_Intersects(
    ST_Transform(p.location, 3857), ST_TileEnvelope(%s, %s, %s, margin => %s))
"""


def run():
    from practices.domain.tools import load_tools
    from practices.models import ParticipationTool

    measures = {"ogc": measure_ogc, "exports": measure_exports, "tiles": measure_tiles}
    try:
        parts = _parts(measures)
    except Incomplete as problem:
        print(problem)
        return False
    load_tools(ParticipationTool)
    added = api.ensure_national_gminy()
    server = None
    try:
        if os.environ.get("MAPA_BENCH_REUSE") and _loaded() == api.CASES:
            print(f"Reusing the {api.CASES:,} cases already loaded (MAPA_BENCH_REUSE).")
        else:
            api.load_cases()
        port = int(os.environ.get("MAPA_BENCH_PORT") or 0) or None
        server = Server(Checkout("this", HERE.parent), "mapa.wsgi:application", workers=1,
                        port=port, env={"MAPA_REQUEST_LOG": "0"})
        for _ in range(3):
            server.get("/api/tools/")
        ok = True
        for part in parts:
            ok &= measures[part](server)
        return ok
    except Incomplete as problem:
        print(f"\nFAILED, nothing timed counts: {problem}", flush=True)
        return False
    finally:
        if server:
            server.stop()
        if not os.environ.get("MAPA_BENCH_KEEP"):
            remove_added(api.SLUG_PREFIX, added)


def _parts(measures):
    """The parts MAPA_BENCH_PARTS names (comma-separated), in the order given; all by default."""
    wanted = [part.strip() for part in os.environ.get("MAPA_BENCH_PARTS", "").split(",")
              if part.strip()] or list(measures)
    unknown = [part for part in wanted if part not in measures]
    if unknown:
        raise Incomplete(f"MAPA_BENCH_PARTS: unknown {', '.join(unknown)} "
                         f"(choose from {', '.join(measures)})")
    return wanted


def _loaded():
    from practices.models import Practice

    return Practice.objects.filter(slug__startswith=api.SLUG_PREFIX, status="published").count()


# --- OGC API items pages ----------------------------------------------------------------------

def _floor(offset):
    with connection.cursor() as cursor:
        cursor.execute("SET jit = off")
        started = time.perf_counter()
        cursor.execute(OGC_FLOOR_SQL, {"limit": PAGE, "offset": offset,
                                        "precision": floors.PRECISION,
                                        "case_url": floors.CASE_URL})
        matched, features, ids = cursor.fetchone()
        elapsed = time.perf_counter() - started
    return elapsed, matched, features.encode(), ids


def _page_features(body, label):
    head = b'{"type":"FeatureCollection","features":['
    end = body.rfind(b'],"numberMatched":')
    if not body.startswith(head) or end < 0:
        raise Incomplete(f"{label}: not an items page")
    matched = int(body[end + len(b'],"numberMatched":'):].split(b",", 1)[0])
    return body[len(head):end], matched


def measure_ogc(server):
    expected = api.expected_ids({})
    print(f"\nOGC API items, pages of {PAGE:,} of {len(expected):,} cases, {checked.ROUNDS} "
          "rounds interleaved; ms median (min–max)")
    checks = []
    for offset in OFFSETS:
        path = f"/ogc/collections/practices/items?limit={PAGE}&offset={offset}"
        _elapsed, matched, reference, ids = _floor(offset)
        if ids != expected[offset:offset + PAGE] or matched != len(expected):
            raise Incomplete(f"the OGC floor at offset {offset:,} is not the ORM's page")

        def floor_once(offset=offset, reference=reference):
            elapsed, _matched, features, _ids = _floor(offset)
            if features != reference:
                raise Incomplete("the OGC floor is not deterministic")
            return {"time": elapsed}

        def ogc_once(path=path, reference=reference):
            result = server.get(path, keep_body=True)
            if result["status"] != 200:
                raise Incomplete(f"{path}: HTTP {result['status']}")
            features, page_matched = _page_features(result.pop("body"), path)
            checked.same_bytes(features, reference, path)
            if page_matched != len(expected):
                raise Incomplete(f"{path}: numberMatched {page_matched}")
            return result

        results = checked.interleave({"floor": floor_once, "ogc": ogc_once})
        ratio = statistics.median(a["time"] / b["time"] for a, b in
                                  zip(results["ogc"], results["floor"], strict=True))
        print(f"  offset {offset:>6,}: floor {_spread(results['floor'])}, "
              f"ogc {_spread(results['ogc'])}, {ratio:.2f}× floor")
        checks.append((f"offset {offset:,}: within {TARGETS['ogc_ratio']}× of the floor "
                       f"({ratio:.2f}×)", ratio <= TARGETS["ogc_ratio"]))
    return print_checks(checks)


def _spread(rows):
    times = [row["time"] * 1000 for row in rows]
    return f"{statistics.median(times):.1f} ({min(times):.1f}–{max(times):.1f})"


# --- Exports ----------------------------------------------------------------------------------

def _rss_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid):
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


class TreeSampler(threading.Thread):
    """The peak resident memory of a process with its children, sampled every 20 ms."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.running = pid, 0, True

    def run(self):
        while self.running:
            pids = [self.pid, *_children(self.pid)]
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(pid) for pid in pids))
            time.sleep(0.02)

    def stop(self):
        self.running = False
        self.join()
        return self.peak_kb / 1024


def _csv_ids(body):
    rows = csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""))
    if next(rows)[0] != "id":
        raise Incomplete("the CSV export does not start with its id column")
    return [int(row[0]) for row in rows]


def _gpkg_ids(body):
    with tempfile.TemporaryDirectory(prefix="mapa-bench-") as folder:
        path = Path(folder) / "export.gpkg"
        path.write_bytes(body)
        with sqlite3.connect(path) as database:
            return [row[0] for row in database.execute("SELECT id FROM praktyki ORDER BY id")]


def measure_exports(server):
    worker = server.workers[0]
    print("\nExports (one gunicorn worker; time to the last byte; peak memory of the worker "
          "and of the worker with its children)")
    checks = []
    for label, params in (("every case", {}), ("one tool", {"tool": "budzet-obywatelski"})):
        ids = api.expected_ids(params)
        query = "?tool=budzet-obywatelski" if params else ""
        for fmt, read_ids in (("csv", _csv_ids), ("gpkg", _gpkg_ids)):
            path = f"/export/practices.{fmt}{query}"
            server.reset_peaks()
            sampler = TreeSampler(worker)
            sampler.start()
            result = server.get(path, keep_body=True)
            tree_mb = sampler.stop()
            worker_mb = server.peak_mb()
            if result["status"] != 200:
                raise Incomplete(f"{path}: HTTP {result['status']}")
            if read_ids(result.pop("body")) != ids:
                raise Incomplete(f"{path}: the rows are not the {len(ids):,} cases selected")
            print(f"  {fmt:<5}{label:<11}{len(ids):>8,} cases  {result['time']:>7.1f} s  "
                  f"{result['bytes'] / 1e6:>7.1f} MB  first byte {result['ttfb']:.2f} s  "
                  f"worker {worker_mb:.0f} MB, with children {tree_mb:.0f} MB")
            checks.append((f"{fmt} {label}: worker under {TARGETS['memory_mb']:.0f} MB "
                           f"({worker_mb:.0f} MB)", worker_mb < TARGETS["memory_mb"]))
    return print_checks(checks)


# --- Tiles ------------------------------------------------------------------------------------

def tile_of(z, lon, lat):
    count = 2 ** z
    x = int((lon + 180) / 360 * count)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * count)
    return x, y


def _touch_a_case():
    """A data change, as an edit would make: one case's updated_at, which the data version
    reads on every request, so the server's cached tiles are retired."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE practices_practice SET updated_at = now() WHERE id = "
                       "(SELECT min(id) FROM practices_practice WHERE slug LIKE %s)",
                       [api.SLUG_PREFIX + "%"])


def measure_tiles(server):
    import mapbox_vector_tile

    from practices.opendata.tiles import BUFFER, CELLS, CLUSTER_MAX_ZOOM, EXTENT

    print(f"\nVector tiles over north-eastern Poland, {TILE_ROUNDS} requests each: cold (the "
          "first request after a data change, the tile built by PostGIS; the target) and "
          "warm (the same tile again, from the server's cache); ms median (min–max)")
    checks = []
    for z, lon, lat in TILES:
        x, y = tile_of(z, lon, lat)
        path = f"/tiles/practices/{z}/{x}/{y}.mvt"
        _touch_a_case()
        first = server.get(path, keep_body=True)
        layers = mapbox_vector_tile.decode(first.pop("body"))
        features = layers.get("practices", {}).get("features", [])
        counted = sum(feature["properties"].get("count", 1) for feature in features)
        clustered = z <= CLUSTER_MAX_ZOOM  # counts per cell, no buffer
        with connection.cursor() as cursor:
            cursor.execute(TILE_COUNT_SQL, (z, x, y, 0.0 if clustered else BUFFER / EXTENT))
            expected = cursor.fetchone()[0]
        if first["status"] != 200 or counted != expected or (
                clustered and len(features) > CELLS ** 2):
            raise Incomplete(f"{path}: {counted:,} cases in {len(features):,} features, "
                             f"PostGIS finds {expected:,}")
        cold, warm = [], []
        for _ in range(TILE_ROUNDS):
            _touch_a_case()
            cold.append(server.get(path))
            warm.append(server.get(path))
        cold_ms = statistics.median(row["time"] * 1000 for row in cold)
        print(f"  z{z} {x}/{y}: {counted:,} cases in {len(features):,} features, "
              f"{first['bytes']:,} bytes, "
              f"cold {_spread(cold)}, warm {_spread(warm)}")
        checks.append((f"z{z}: cold median under {TARGETS['tile_ms']:.0f} ms ({cold_ms:.1f} ms)",
                       cold_ms < TARGETS["tile_ms"]))
    return print_checks(checks)
