"""The map page in headless Chromium, on a desktop and on a phone, measured through Chromium's
DevTools protocol (issue 12 §3).

Loads CASES synthetic published cases over the gminy of the default region (importing the NE
boundaries from ../shared/geodata first if the register lacks them), spread unevenly (some
gminy have none, a few have many) so that a choropleth has several classes; with --national,
100,000 cases over all of Poland instead: the map view then draws the selection from vector
tiles, and "first markers" is the first frame with every tile of the view in. Serves each
checkout (bench.checkouts) on gunicorn
(DEBUG off, gzip on, the static files collectstatic writes for production: hashed, gzip and
Brotli variants; tiles pointed at a closed port so that they never load or count) and opens
/ and /?view=choropleth cold (a new browser context each time) RUNS times in two profiles:

  desktop  1280×800, no throttling
  phone    390×844, slow 4G (Lighthouse's DevTools preset: 562.5 ms latency, 1.47 Mbit/s
           down, 675 kbit/s up; Network.emulateNetworkConditions) and the CPU 4× slower
           (Emulation.setCPUThrottlingRate)

Measured in the page by a script the benchmark adds before the page's own (never a mark the
product sets):

  first markers    the first animation frame in which every case of the selection is in the
                   DOM: each marker in Leaflet's marker pane counts 1, a cluster its number
                   (data-count, else its text); the total must equal the API's count
  choropleth       the first frame in which every gmina of the region is a filled path and
                   the fills have more than one colour (so not an empty placeholder layer)
  blocking         total blocking time: the sum over long tasks (PerformanceObserver
                   'longtask') of their time beyond 50 ms, up to that frame
  requests, KB     what Chromium received (Network.loadingFinished encodedDataLength,
                   headers included; KB = 1,000 bytes) until, after that frame, the network
                   has been quiet for QUIET_S: everything the page fetches by itself

Figures are medians; issue 12's targets are printed with pass or fail. With several checkouts,
each checkout's weight is compared with the first's (issue 7: the page no heavier). The cases,
and any gminy the bench imported, are removed afterwards.
"""
import atexit
import json
import os
import shutil
import statistics
import tempfile
import time
import urllib.request

from django.conf import settings

from bench.checkouts import Server, checkouts
from bench.data import import_missing, remove_added

CASES = 5_000
NATIONAL = False  # --national: 100,000 cases over all of Poland
NATIONAL_CASES = 100_000
RUNS = 5
SLUG_PREFIX = "bench-web-"
NE_FILES = ("wojewodztwa_pl", "powiaty_pl", "gminy_20_28")
TILE_URL = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"
TILE_PREFIX = "http://127.0.0.1:9/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 1_474_560 / 8,
           "uploadThroughput": 675_000 / 8}
PROFILES = {
    "desktop": {"viewport": {"width": 1280, "height": 800}, "network": None, "cpu": 1},
    "phone": {"viewport": {"width": 390, "height": 844}, "network": SLOW_4G, "cpu": 4},
}
VIEWS = {"map": "/", "choropleth": "/?view=choropleth"}
# Issue 12: (what, view, measure, desktop limit, phone limit).
TARGETS = [
    ("map: first markers", "map", "drawn_ms", 500, 2000),
    ("map: main-thread blocking", "map", "blocking_ms", 120, 400),
    ("choropleth drawn", "choropleth", "drawn_ms", 600, 2500),
    ("first load, map view (KB)", "map", "kb", 250, 250),
    ("first load, choropleth view (KB)", "choropleth", "kb", 250, 250),
]
HEAVIER = 1.01  # a checkout is heavier than the reference beyond 1% more bytes
TIMEOUT_MS = 120_000
QUIET_S = 2.0
OBSERVER = (settings.BASE_DIR / "bench" / "web_observer.js").read_text()


def run():
    from practices.domain.tools import load_tools
    from practices.models import ParticipationTool

    load_tools(ParticipationTool)
    apps = checkouts()
    added = ensure_boundaries()
    servers = []
    try:
        load_cases()
        for app in apps:
            servers.append(production_server(app))
        return measure(servers)
    finally:
        for server in servers:
            server.stop()
        remove_added(SLUG_PREFIX, added)


def production_server(app, port=None):
    """A checkout served as `make serve` serves it: gunicorn, DEBUG off, and the static files
    collectstatic writes for production (hashed names, gzip and Brotli variants, served by
    WhiteNoise), so the bytes a browser receives are those of a deployment."""
    import subprocess  # nosec B404: our own manage.py, arguments fixed
    import sys

    subprocess.run(  # nosec B603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=app.path,
        env={**os.environ, "MAPA_MANIFEST_STATIC": "1", "DJANGO_SETTINGS_MODULE": "mapa.settings"},
        check=True)
    # As `make serve`, the workers share a tile cache in files: an empty folder of its own
    # for each server, so its first load finds no tile built.
    tiles = tempfile.mkdtemp(prefix="mapa-bench-tiles-")
    atexit.register(shutil.rmtree, tiles, ignore_errors=True)
    return Server(app, "mapa.wsgi:application", workers=2, threads=4,
                  env={"MAPA_TILE_URL": TILE_URL, "MAPA_MANIFEST_STATIC": "1",
                       "MAPA_TILE_CACHE_DIR": tiles},
                  ready="/", port=port)


# --- Data -------------------------------------------------------------------------------------

def region():
    return list(settings.MAPA_DEFAULT_REGION)


def ensure_boundaries():
    """The NE boundaries (or every gmina, --national) if the register lacks them."""
    from geodata.models import Municipality

    if NATIONAL:
        from bench.api import ensure_national_gminy

        return ensure_national_gminy()
    if Municipality.objects.filter(voivodeship_id__in=region()).exists():
        return {}
    folder = settings.BASE_DIR.parent / "shared" / "geodata"
    return import_missing(
        [folder / f"{name}.geojson" for name in NE_FILES], voivodeships=region(),
        label="the NE boundaries from ../shared/geodata",
    )


def load_cases():
    """Uneven: one gmina in ten has no case, the others a share drawn from a long-tailed
    distribution, as real catalogues are (a city has many, a village one)."""
    import random

    from django.db import connection

    from geodata.models import Municipality
    from practices.models import ParticipationTool, Practice, Status

    Practice.objects.filter(slug__startswith=SLUG_PREFIX).delete()
    gminy = Municipality.objects.order_by("teryt").only("teryt", "name", "point")
    if not NATIONAL:
        gminy = gminy.filter(voivodeship_id__in=region())
    gminy = list(gminy)
    cases = NATIONAL_CASES if NATIONAL else CASES
    tools = list(ParticipationTool.objects.all())
    rng = random.Random(5000)
    weights = [0.0 if rng.random() < 0.1 else rng.paretovariate(1.5) for _ in gminy]
    chosen = rng.choices(gminy, weights=weights, k=cases)
    Practice.objects.bulk_create([
        Practice(
            title=f"Przypadek testowy {number} w gminie {gmina.name}",
            slug=f"{SLUG_PREFIX}{number}", tool=rng.choice(tools), municipality=gmina,
            year=rng.randint(2014, 2026), location=gmina.point, status=Status.PUBLISHED,
            # Marked as samples, so that a run killed before clean-up leaves data that says
            # it is made up (and `load_samples --delete` removes it).
            is_sample=True,
        )
        for number, gmina in enumerate(chosen)
    ], batch_size=5000)
    with connection.cursor() as cursor:
        # The steady state autovacuum leaves (as bench.api does), so that no round is timed
        # while autovacuum works through the rows just written.
        cursor.execute("VACUUM ANALYZE practices_practice")
    print(f"Loaded {cases:,} published cases over {len(gminy):,} gminy "
          f"({sum(1 for w in weights if w == 0)} of them left without a case).", flush=True)


def expectations(server):
    """What every view must draw: the region's cases as the API counts them (checked against
    the database), and the region's gminy."""
    from geodata.models import Municipality
    from practices.models import Practice

    query = "?voivodeship=" + ",".join(region())
    with urllib.request.urlopen(server.url + "/api/practices/" + query, timeout=300) as answer:
        markers = len(json.load(answer)["features"])
    in_region = Practice.objects.filter(status="published",
                                        municipality__voivodeship_id__in=region()).count()
    if markers != in_region:
        raise RuntimeError(f"the API counts {markers:,} cases in the region, the database "
                           f"{in_region:,}")
    outside = Practice.objects.filter(status="published").count() - in_region
    if outside and not NATIONAL:
        raise RuntimeError(f"{outside:,} published cases lie outside the default region: the "
                           "map's selection would not be the region's. Use an empty database.")
    gminy = Municipality.objects.filter(voivodeship_id__in=region()).count()
    # Nationally the view also shows the neighbours' cases: at least the region's then.
    return {"markers": markers, "gminy": gminy, "atLeast": NATIONAL}


# --- The browser --------------------------------------------------------------------------------

def load(browser, url, profile, expect, wanted):
    """One cold load; `wanted` is the moment awaited: 'markersAt' or 'choroplethAt'."""
    setup = PROFILES[profile]
    context = browser.new_context(viewport=setup["viewport"])
    page = context.new_page()
    page.add_init_script(script=OBSERVER.replace("__EXPECT__", json.dumps(expect)))
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if setup["network"]:
        cdp.send("Network.emulateNetworkConditions", setup["network"])
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": setup["cpu"]})
    urls, sizes, errors, activity = {}, {}, [], [time.monotonic()]

    def sent(event):
        urls[event["requestId"]] = event["request"]["url"]
        activity[0] = time.monotonic()

    def finished(event):
        sizes[event["requestId"]] = event["encodedDataLength"]
        activity[0] = time.monotonic()

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.loadingFailed", lambda event: activity.__setitem__(0, time.monotonic()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(url, wait_until="commit")
        page.wait_for_function(f"() => window.__bench && window.__bench.{wanted} !== null",
                               polling=100, timeout=TIMEOUT_MS)
        # The first load is everything the page fetches by itself: until the network has
        # been quiet for QUIET_S (a page may ask for more after an idle callback).
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while time.monotonic() - activity[0] < QUIET_S and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        state = page.evaluate("() => window.__bench")
    except Exception as error:
        state = page.evaluate("() => window.__bench")
        raise RuntimeError(f"{url} ({profile}): not drawn within {TIMEOUT_MS / 1000:.0f} s; "
                           f"seen {state and state['seen']}, expected {expect}; "
                           f"script errors: {errors}") from error
    finally:
        context.close()
    if errors:
        raise RuntimeError(f"script errors on {url} ({profile}): {errors}")
    counted = [rid for rid in sizes if not urls.get(rid, "").startswith(TILE_PREFIX)]
    drawn = state[wanted]
    blocking = sum(max(0.0, duration - 50) for start, duration in state["longtasks"]
                   if start < drawn)
    return {"drawn_ms": drawn, "blocking_ms": blocking, "requests": len(counted),
            "kb": sum(sizes[rid] for rid in counted) / 1000}


def measure(servers):
    from playwright.sync_api import sync_playwright

    expect = expectations(servers[0])
    print(f"Every load must draw {expect['markers']:,} cases and {expect['gminy']} gminy.",
          flush=True)
    results = {}  # (checkout, profile, view) -> [runs]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for server in servers:  # warms each server and its database caches, not counted
            for view, path in VIEWS.items():
                load(browser, server.url + path, "desktop", expect, wanted_of(view))
        for number in range(RUNS):
            for profile in PROFILES:
                for server in servers:
                    for view, path in VIEWS.items():
                        results.setdefault((server.checkout.label, profile, view), []).append(
                            load(browser, server.url + path, profile, expect, wanted_of(view)))
            print(f"  round {number + 1} of {RUNS}", flush=True)
        browser.close()
    return report(servers, results, expect)


def wanted_of(view):
    # Nationally the selection (every case) is over MAPA_TILES_THRESHOLD: the map draws it
    # from vector tiles, and its first points are the first frame with every tile of the view
    # in (web_observer.js tilesAt), as bench.tiles measures them.
    if view == "map":
        return "tilesAt" if NATIONAL else "markersAt"
    return "choroplethAt"


def report(servers, results, expect):
    ok = True
    cases = NATIONAL_CASES if NATIONAL else CASES
    print(f"\nMap page, {cases:,} cases, headless Chromium, cold loads, tiles unreachable, "
          f"medians of {RUNS} (min–max)")
    print(f"  {'checkout':<18}{'profile':<9}{'view':<12}{'requests':>9}{'KB':>8}"
          f"{'drawn ms':>18}{'blocking ms':>18}")
    for (label, profile, view), runs in results.items():
        def cell(key, runs=runs):
            values = [run[key] for run in runs]
            return f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"
        print(f"  {label:<18}{profile:<9}{view:<12}"
              f"{statistics.median(run['requests'] for run in runs):>9.0f}"
              f"{statistics.median(run['kb'] for run in runs):>8.0f}"
              f"{cell('drawn_ms'):>18}{cell('blocking_ms'):>18}")
    for server in servers:
        label = server.checkout.label
        print(f"\n  Issue 12's targets, {label}   desktop              phone")
        for what, view, key, desktop, phone in TARGETS:
            cells = []
            for profile, limit in (("desktop", desktop), ("phone", phone)):
                value = statistics.median(run[key] for run in results[(label, profile, view)])
                passed = value <= limit
                ok &= passed
                cells.append(f"{value:>6.0f} ≤ {limit:<5} {'ok  ' if passed else 'MISS'}")
            print(f"    {what:<33}{cells[0]}   {cells[1]}")
    if len(servers) > 1:
        ok &= report_heavier(servers, results)
    return ok


def report_heavier(servers, results):
    base = servers[0].checkout.label
    print(f"\n  Weight against {base} (no heavier: at most {HEAVIER}× its KB)")
    ok = True
    for server in servers[1:]:
        label = server.checkout.label
        for profile in PROFILES:
            for view in VIEWS:
                mine = statistics.median(r["kb"] for r in results[(label, profile, view)])
                theirs = statistics.median(r["kb"] for r in results[(base, profile, view)])
                passed = mine <= HEAVIER * theirs
                ok &= passed
                print(f"    {'ok  ' if passed else 'MISS'} {label} {profile} {view}: "
                      f"{mine:.0f} KB against {theirs:.0f} KB ({mine / theirs:.3f}×)")
    return ok
