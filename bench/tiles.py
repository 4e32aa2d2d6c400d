"""The map at national scale through vector tiles (issue 10 §4): 100,000 published cases over
all of Poland, the selection above MAPA_TILES_THRESHOLD, so the map page draws canvas tiles
of /tiles/practices/ instead of markers.

Two phases on the same gunicorn server (DEBUG off, gzip on, base-map tiles unreachable), each
loading / cold RUNS times as a desktop and as a phone (bench.web's profiles):
  1. 5,000 cases in the default region (markers): first markers, as bench.web measures them;
  2. 100,000 cases nationally (tiles): first points, the first frame in which every canvas
     tile in Leaflet's tile pane is loaded (bench/web_observer.js, tilesAt).
Targets: phase 2's first points within 1.5× of phase 1's first markers, and under 1 MB
transferred, in each profile. MAPA_BENCH_PORT picks the server's port (else a free one).
The cases are removed afterwards, and those of an earlier run
killed before its clean-up first, in bulk SQL (bench.data.delete_cases: seconds, where the
ORM's delete of 100,000 cases, with a history row and signals for each, took minutes).
"""
import os
import statistics
import time

from bench import web
from bench.checkouts import Server, checkouts
from bench.data import delete_cases, remove_added

RATIO = 1.5
MAX_KB = 1000


def measure(server, wanted):
    from playwright.sync_api import sync_playwright

    expect = web.expectations(server) if wanted == "markersAt" else {
        "markers": 10 ** 9, "gminy": 10 ** 9, "atLeast": True}
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=web.CHROMIUM, args=web.CHROMIUM_ARGS)
        web.load(browser, server.url + "/", "desktop", expect, wanted)  # warm-up, not counted
        for _round in range(web.RUNS):
            for profile in web.PROFILES:
                results.setdefault(profile, []).append(
                    web.load(browser, server.url + "/", profile, expect, wanted))
        browser.close()
    return {profile: {key: statistics.median(run[key] for run in runs)
                      for key in ("drawn_ms", "kb", "requests")}
            for profile, runs in results.items()}


def run():
    from practices.domain.tools import load_tools
    from practices.models import ParticipationTool

    load_tools(ParticipationTool)
    app = checkouts()[0]
    added = {}
    server = None
    try:
        _delete_cases()
        web.NATIONAL = False
        added.update(web.ensure_boundaries())
        web.load_cases()
        server = Server(app, "mapa.wsgi:application", workers=2, threads=4,
                        env={"MAPA_TILE_URL": web.TILE_URL}, ready="/",
                        port=int(os.environ.get("MAPA_BENCH_PORT") or 0) or None)
        markers = measure(server, "markersAt")
        _delete_cases()  # the 5,000 (bench.web would delete them through the ORM)
        web.NATIONAL = True
        added.update(web.ensure_boundaries())
        web.load_cases()
        tiles = measure(server, "tilesAt")
        return report(markers, tiles)
    finally:
        if server:
            server.stop()
        started = time.perf_counter()
        remove_added(web.SLUG_PREFIX, added)
        print(f"Clean-up took {time.perf_counter() - started:.1f} s.", flush=True)


def _delete_cases():
    from practices.models import Practice

    deleted = delete_cases(Practice.objects.filter(slug__startswith=web.SLUG_PREFIX))
    if deleted:
        print(f"Removed {deleted:,} cases of an earlier phase or run.", flush=True)


def report(markers, tiles):
    ok = True
    print(f"{'profile':8} {'5,000 markers':>14} {'100,000 tiles':>14} {'ratio':>6} "
          f"{'KB':>7} {'requests':>8}")
    for profile in web.PROFILES:
        before, after = markers[profile], tiles[profile]
        ratio = after["drawn_ms"] / before["drawn_ms"]
        good = ratio <= RATIO and after["kb"] < MAX_KB
        ok = ok and good
        print(f"{profile:8} {before['drawn_ms']:>11.0f} ms {after['drawn_ms']:>11.0f} ms "
              f"{ratio:>5.2f}× {after['kb']:>7.0f} {after['requests']:>8.0f} "
              f"{'ok' if good else 'MISS'}", flush=True)
    print(f"Targets: first points within {RATIO}× of the 5,000-case first markers, under "
          f"{MAX_KB} KB.", flush=True)
    return ok
