"""The GeoJSON API against the SQL floor and a plain djangorestframework-gis view.

Loads CASES synthetic published cases spread over all 2,477 gminy (importing
../shared/geodata/gminy_pl.geojson first if the register lacks them), starts the product on
gunicorn on a free 127.0.0.1 port (bench.api_server, which adds the plain view), and prints
side by side, with the variants' requests interleaved round by round:

  (a) floor  the single SQL statement building the same FeatureCollection, timed from Python
  (b) api    /api/practices/ over HTTP through the whole stack (streamed)
  (c) plain  the same list through a plain GeoFeatureModelSerializer view

for the whole set, a tool+year filter and a bbox; then /api/municipalities/ for all gminy
with counts, a 304 revalidation, and requests/s with CLIENTS concurrent clients. Time is the
median; first byte is when the first body bytes arrived; memory is the serving worker's peak
RSS during the request. The cases, and any gminy the bench imported, are removed afterwards.
"""
import gzip
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.http import QueryDict

from bench.data import free_port, import_missing, remove_added

CASES = 100_000
SLUG_PREFIX = "bench-api-"
NATIONAL = settings.BASE_DIR.parent / "shared" / "geodata" / "gminy_pl.geojson"
SCENARIOS = [
    ("whole set", {}, 3),
    ("tool+year", {"tool": "budzet-obywatelski", "year": "2020"}, 9),
    ("bbox", {"bbox": "22.0,53.0,23.5,54.0"}, 9),
]
WORKERS = 4
CLIENTS = 4
CONCURRENCY_SECONDS = 5.0
TARGETS = {
    "ratio_whole": 1.5, "ratio_filtered": 1.5, "filtered_slack_ms": 5.0, "speedup": 10.0,
    "bytes_ratio": 1.1, "ttfb_ms": 100.0, "memory_mb": 300.0, "municipalities_gz": 350_000,
    "revalidation_ms": 10.0, "requests_per_s": 100.0,
}


def run():
    from practices.domain.tools import load_tools
    from practices.models import ParticipationTool

    load_tools(ParticipationTool)
    added = ensure_national_gminy()
    servers = []
    try:
        load_cases()
        # The plain view gets its own server, so that its workers' memory (a national
        # collection of model instances takes gigabytes) never counts as the product's.
        servers = [Server(), Server()]
        return measure(*servers)
    finally:
        for server in servers:
            server.stop()
        cleanup(added)


# --- Data -------------------------------------------------------------------------------------

def ensure_national_gminy():
    """Import the national gminy if the register lacks some; returns what was added."""
    from geodata.models import Municipality

    count = Municipality.objects.count()
    if count >= 2477:
        return {}
    return import_missing([NATIONAL], label=f"{NATIONAL.name} (the register has {count} gminy)")


def load_cases():
    import random

    from geodata.models import Municipality
    from practices.models import ParticipationTool, Practice, Status

    Practice.objects.filter(slug__startswith=SLUG_PREFIX).delete()
    gminy = list(Municipality.objects.only("teryt", "name", "point"))
    tools = list(ParticipationTool.objects.all())
    rng = random.Random(2477)
    print(f"Loading {CASES:,} published cases over {len(gminy):,} gminy…", flush=True)
    started = time.perf_counter()
    batch = []
    for number in range(CASES):
        gmina = gminy[number % len(gminy)]
        batch.append(Practice(
            title=f"Przypadek testowy {number} w gminie {gmina.name}",
            slug=f"{SLUG_PREFIX}{number}", tool=rng.choice(tools), municipality=gmina,
            year=rng.randint(2014, 2026), location=gmina.point, status=Status.PUBLISHED,
            # Flagged as samples, so that a run killed before clean-up leaves data that is
            # marked as made up (and `load_samples --delete` removes).
            is_sample=True,
        ))
        if len(batch) == 5000:
            Practice.objects.bulk_create(batch)
            batch = []
    Practice.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        # As autovacuum leaves a table in steady state (visibility map set).
        cursor.execute("VACUUM ANALYZE practices_practice")
    print(f"  loaded in {time.perf_counter() - started:.1f} s", flush=True)


def cleanup(added):
    remove_added(SLUG_PREFIX, added)


# --- The server ---------------------------------------------------------------------------------

class Server:
    def __init__(self):
        self.port = free_port()
        env = {**os.environ, "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "mapa.settings"}
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "bench.api_server:application",
             "--bind", f"127.0.0.1:{self.port}", "--workers", str(WORKERS),
             "--timeout", "900", "--log-level", "warning"],
            cwd=settings.BASE_DIR, env=env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.get("/api/tools/")["status"] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        self.workers = self._workers()

    def _workers(self):
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        for _attempt in range(50):
            pids = [int(pid) for pid in path.read_text().split()]
            if len(pids) == WORKERS:
                return pids
            time.sleep(0.1)
        return pids

    def reset_peaks(self):
        for pid in self.workers:
            try:
                Path(f"/proc/{pid}/clear_refs").write_text("5")
            except OSError:
                pass

    def peak_mb(self):
        peaks = []
        for pid in self.workers:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        return max(peaks, default=0.0)

    def get(self, path, compressed=False, headers=None):
        headers = {**(headers or {}), "Accept-Encoding": "gzip" if compressed else "identity"}
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=900)
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        first = response.read1(65536)
        ttfb = time.perf_counter() - started
        size = len(first) + len(response.read())
        elapsed = time.perf_counter() - started
        conn.close()
        return {"status": response.status, "time": elapsed, "ttfb": ttfb, "bytes": size,
                "etag": response.getheader("ETag")}

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


# --- Measurements ------------------------------------------------------------------------------

def timed_statement(sql, params, jit):
    from django.db import transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL jit = {'on' if jit else 'off'}")
        started = time.perf_counter()
        cursor.execute(sql, params)
        text = cursor.fetchone()[0]
        return time.perf_counter() - started, text


def best_statement(sql, params):
    """The faster of JIT on and off: the floor is whichever PostgreSQL does best."""
    runs = [timed_statement(sql, params, jit) for jit in (True, False)]
    return min(runs, key=lambda run: run[0])


def floor(params):
    from practices import geojson
    from practices.filters import CaseFilters

    filters = CaseFilters.parse(QueryDict(urlencode(params)))
    elapsed, text = best_statement(
        *geojson.collection_sql(*geojson.practice_features(filters.practices()))
    )
    data = text.encode()
    return {"time": elapsed, "bytes": len(data), "gz": len(gzip.compress(data, 6))}


def municipalities_floor():
    from geodata.models import Municipality
    from practices import geojson
    from practices.models import Practice

    elapsed, text = best_statement(*geojson.collection_sql(*geojson.municipality_features(
        Municipality.objects.all(), Practice.objects.published())))
    return {"time": elapsed, "bytes": len(text.encode()), "text": text}


def boundaries_only_gz(text):
    """Gzipped size of the same collection with empty properties: the boundaries' share."""
    import json

    collection = json.loads(text)
    for feature in collection["features"]:
        feature["properties"] = {}
    data = json.dumps(collection, separators=(",", ":"), ensure_ascii=False).encode()
    return len(gzip.compress(data, 6))


def http_variant(server, path, compressed=False):
    server.reset_peaks()
    result = server.get(path, compressed)
    assert result["status"] == 200, (path, result)
    result["memory"] = server.peak_mb()
    return result


def median(results, key):
    return statistics.median(result[key] for result in results)


def measure(server, plain_server):
    rows, ok = [], True
    for _ in range(2 * WORKERS):  # every worker: its database connection, lazy imports
        server.get("/api/tools/")
        plain_server.get("/bench/drf-gis/practices/?year=1990")
    for name, params, rounds in SCENARIOS:
        query = "?" + urlencode(params) if params else ""
        variants = {
            "a": lambda params=params: floor(params),
            "b": lambda query=query: http_variant(server, "/api/practices/" + query),
            "b_gz": lambda query=query: http_variant(server, "/api/practices/" + query, True),
            "c": lambda query=query: http_variant(
                plain_server, "/bench/drf-gis/practices/" + query
            ),
        }
        for variant in variants.values():  # warm-up: the database's caches
            variant()
        results = {key: [] for key in variants}
        order = list(variants)
        for round_number in range(rounds):
            shift = round_number % len(order)
            for key in order[shift:] + order[:shift]:
                results[key].append(variants[key]())
        rows.append((name, params, results))
        print(f"  measured {name}", flush=True)
    ok &= report_lists(rows)
    ok &= report_municipalities(server)
    ok &= report_revalidation(server)
    ok &= report_concurrency(server)
    return ok


def report_lists(rows):
    ok = True
    print(f"\n/api/practices/ with {CASES:,} cases (+ any already published); medians")
    print(f"{'selection':<11}{'variant':<8}{'time ms':>9}{'× floor':>9}{'1st byte':>10}"
          f"{'bytes':>12}{'gzipped':>11}{'peak MB':>9}")
    for name, _params, results in rows:
        a = {"time": median(results["a"], "time"), "bytes": results["a"][0]["bytes"],
             "gz": results["a"][0]["gz"]}
        b = {key: median(results["b"], key) for key in ("time", "ttfb", "bytes")}
        b_gz = {key: median(results["b_gz"], key) for key in ("time", "bytes")}
        c = {key: median(results["c"], key) for key in ("time", "ttfb", "bytes")}
        b_mem = max(r["memory"] for r in results["b"] + results["b_gz"])
        c_mem = max(r["memory"] for r in results["c"])
        ms = 1000
        print(f"{name:<11}{'(a)':<8}{a['time'] * ms:>9.1f}{1:>9.2f}{'':>10}"
              f"{a['bytes']:>12,}{a['gz']:>11,}{'':>9}")
        print(f"{'':<11}{'(b)':<8}{b['time'] * ms:>9.1f}{b['time'] / a['time']:>9.2f}"
              f"{b['ttfb'] * ms:>10.1f}{b['bytes']:>12,}{b_gz['bytes']:>11,}{b_mem:>9.0f}")
        print(f"{'':<11}{'(b) gz':<8}{b_gz['time'] * ms:>9.1f}{b_gz['time'] / a['time']:>9.2f}")
        print(f"{'':<11}{'(c)':<8}{c['time'] * ms:>9.1f}{c['time'] / a['time']:>9.2f}"
              f"{c['ttfb'] * ms:>10.1f}{c['bytes']:>12,}{'':>11}{c_mem:>9.0f}")
        checks = [
            (f"(b) within {TARGETS['ratio_whole']}× of (a)",
             b["time"] <= TARGETS["ratio_whole"] * a["time"]) if name == "whole set" else
            (f"(b) within {TARGETS['ratio_filtered']}× (a) + {TARGETS['filtered_slack_ms']:.0f} ms",
             b["time"] <= TARGETS["ratio_filtered"] * a["time"]
             + TARGETS["filtered_slack_ms"] / 1000),
            (f"(b) ≥ {TARGETS['speedup']:.0f}× faster than (c) "
             f"({c['time'] / b['time']:.1f}×)", c["time"] >= TARGETS["speedup"] * b["time"]),
            (f"bytes within {TARGETS['bytes_ratio']}× of (a)",
             b["bytes"] <= TARGETS["bytes_ratio"] * a["bytes"]),
            (f"peak memory < {TARGETS['memory_mb']:.0f} MB", b_mem < TARGETS["memory_mb"]),
        ]
        if name == "whole set":
            checks.append((f"first byte within {TARGETS['ttfb_ms']:.0f} ms",
                           b["ttfb"] * 1000 <= TARGETS["ttfb_ms"]))
        ok &= print_checks(checks)
    return ok


def report_municipalities(server):
    floors, runs, gz = [], [], []
    for _ in range(5):
        floors.append(municipalities_floor())
        runs.append(http_variant(server, "/api/municipalities/"))
        gz.append(http_variant(server, "/api/municipalities/", True))
    a_ms = median(floors, "time") * 1000
    time_ms, ttfb_ms = median(runs, "time") * 1000, median(runs, "ttfb") * 1000
    print("\n/api/municipalities/, all gminy with counts of all published cases; medians")
    print(f"  (a) {a_ms:.1f} ms, {floors[0]['bytes']:,} bytes")
    print(f"  (b) {time_ms:.1f} ms ({time_ms / a_ms:.2f}× floor), first byte {ttfb_ms:.1f} ms, "
          f"{runs[0]['bytes']:,} bytes, {gz[0]['bytes']:,} gzipped "
          f"({median(gz, 'time') * 1000:.1f} ms), peak {max(r['memory'] for r in runs):.0f} MB")
    print(f"      of which boundaries alone: {boundaries_only_gz(floors[0]['text']):,} gzipped")
    return print_checks([(f"at most {TARGETS['municipalities_gz']:,} bytes gzipped",
                          gz[0]["bytes"] <= TARGETS["municipalities_gz"])])


def report_revalidation(server):
    path = "/api/practices/?" + urlencode(SCENARIOS[1][1])
    etag = server.get(path)["etag"]
    times = []
    for _ in range(50):
        result = server.get(path, headers={"If-None-Match": etag})
        assert result["status"] == 304, result
        times.append(result["time"])
    whole = server.get("/api/practices/", headers={"If-None-Match": etag})
    ms = statistics.median(times) * 1000
    print(f"\n304 revalidation of a tool+year list: median {ms:.2f} ms over 50 "
          f"(whole set: {whole['time'] * 1000:.2f} ms)")
    return print_checks([(f"under {TARGETS['revalidation_ms']:.0f} ms",
                          ms < TARGETS["revalidation_ms"])])


def report_concurrency(server):
    path = "/api/practices/?" + urlencode(SCENARIOS[1][1])
    counts, deadline = [0] * CLIENTS, time.monotonic() + CONCURRENCY_SECONDS

    def client(index):
        while time.monotonic() < deadline:
            assert server.get(path)["status"] == 200
            counts[index] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rate = sum(counts) / (time.perf_counter() - started)
    print(f"\n{CLIENTS} concurrent clients, tool+year list, {WORKERS} gunicorn workers on "
          f"{os.cpu_count()} cores: {rate:.0f} requests/s")
    return print_checks([(f"at least {TARGETS['requests_per_s']:.0f} requests/s",
                          rate >= TARGETS["requests_per_s"])])


def print_checks(checks):
    for label, passed in checks:
        print(f"    {'ok  ' if passed else 'MISS'} {label}")
    return all(passed for _label, passed in checks)
