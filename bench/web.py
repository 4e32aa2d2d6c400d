"""Weight and speed of the map page in headless Chromium (issue 4 §7).

Loads CASES synthetic published cases over the gminy of the default region (importing the
NE boundaries from ../shared/geodata first if the register lacks them), serves the site on
gunicorn on a free 127.0.0.1 port (DEBUG off, gzip on, tiles pointed at a closed port so
that they never count), and opens it in headless Chromium with a cold cache RUNS times:

  bytes       everything transferred for the first load of / (compressed, headers
              included), until the markers and the gmina boundaries are drawn
  markers     time from navigation start to the markers drawn (performance mark)
  choropleth  the same for /?view=choropleth, to the shaded gminy

Figures are medians. Targets: under 1 MB, markers under 1.5 s. The cases, and any gminy the
bench imported, are removed afterwards.
"""
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings

from bench.data import free_port, import_missing, remove_added

CASES = 5_000
RUNS = 5
SLUG_PREFIX = "bench-web-"
NE_FILES = ("wojewodztwa_pl", "powiaty_pl", "gminy_20_28")
TILE_URL = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"
TILE_PREFIX = "http://127.0.0.1:9/"
BUDGET_BYTES = 1_000_000
BUDGET_MARKERS_MS = 1500.0
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def run():
    from practices.domain.tools import load_tools
    from practices.models import ParticipationTool

    load_tools(ParticipationTool)
    added = ensure_region()
    server = None
    try:
        load_cases()
        server = Server()
        return measure(server)
    finally:
        if server:
            server.stop()
        cleanup(added)


# --- Data -------------------------------------------------------------------------------------

def ensure_region():
    """Import the NE boundaries if the region has no gminy; returns the keys it added."""
    from geodata.models import Municipality

    region = settings.MAPA_DEFAULT_REGION
    if Municipality.objects.filter(voivodeship_id__in=region).exists():
        return {}
    folder = settings.BASE_DIR.parent / "shared" / "geodata"
    return import_missing(
        [folder / f"{name}.geojson" for name in NE_FILES], voivodeships=region,
        label="the NE boundaries from ../shared/geodata",
    )


def load_cases():
    import random

    from geodata.models import Municipality
    from practices.models import ParticipationTool, Practice, Status

    Practice.objects.filter(slug__startswith=SLUG_PREFIX).delete()
    gminy = list(Municipality.objects.filter(voivodeship_id__in=settings.MAPA_DEFAULT_REGION)
                 .only("teryt", "name", "point"))
    tools = list(ParticipationTool.objects.all())
    rng = random.Random(5000)
    Practice.objects.bulk_create([
        Practice(
            title=f"Przypadek testowy {number} w gminie {gmina.name}",
            slug=f"{SLUG_PREFIX}{number}", tool=rng.choice(tools), municipality=gmina,
            year=rng.randint(2014, 2026), location=gmina.point, status=Status.PUBLISHED,
            # Marked as samples, so that a run killed before clean-up leaves data that says
            # it is made up (and `load_samples --delete` removes it).
            is_sample=True,
        )
        for number, gmina in ((n, gminy[n % len(gminy)]) for n in range(CASES))
    ], batch_size=2500)
    print(f"Loaded {CASES:,} published cases over {len(gminy)} gminy.", flush=True)


def cleanup(added):
    remove_added(SLUG_PREFIX, added)


# --- The server ---------------------------------------------------------------------------------

class Server:
    """The product on gunicorn, as deployed: DEBUG off, static files through whitenoise."""

    def __init__(self):
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        env = {**os.environ, "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "mapa.settings",
               "MAPA_TILE_URL": TILE_URL}
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "mapa.wsgi:application",
             "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4",
             "--log-level", "warning"],
            cwd=settings.BASE_DIR, env=env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


# --- The browser --------------------------------------------------------------------------------

def load(browser, url, mark):
    """One cold load: (bytes transferred without tiles, requests, ms to the mark)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    urls, sizes = {}, {}
    cdp.on("Network.requestWillBeSent",
           lambda event: urls.__setitem__(event["requestId"], event["request"]["url"]))
    cdp.on("Network.loadingFinished",
           lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_function(
        "([name]) => performance.getEntriesByName(name).length > 0"
        " && document.getElementById('map-app').dataset.boundaries === 'ready'",
        arg=[mark], timeout=30_000,
    )
    elapsed = page.evaluate("([name]) => performance.getEntriesByName(name)[0].startTime", [mark])
    page.wait_for_load_state("networkidle")
    context.close()
    if errors:
        raise RuntimeError(f"script errors on {url}: {errors}")
    counted = [rid for rid in sizes if not urls.get(rid, "").startswith(TILE_PREFIX)]
    return sum(sizes[rid] for rid in counted), len(counted), elapsed


def measure(server):
    from playwright.sync_api import sync_playwright

    results = {"markers": [], "choropleth": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        load(browser, server.url + "/", "mapa:markers")  # warms the server, not counted
        for _run in range(RUNS):
            results["markers"].append(load(browser, server.url + "/", "mapa:markers"))
            results["choropleth"].append(
                load(browser, server.url + "/?view=choropleth", "mapa:choropleth"))
        browser.close()

    first = results["markers"]
    size = statistics.median(r[0] for r in first)
    requests = statistics.median(r[1] for r in first)
    markers_ms = statistics.median(r[2] for r in first)
    choropleth_ms = statistics.median(r[2] for r in results["choropleth"])
    print(f"\nMap page with {CASES:,} cases, headless Chromium, cold cache, median of {RUNS}:")
    print(f"  first load of /       {size / 1000:8.0f} kB in {requests:.0f} requests"
          f"  (budget {BUDGET_BYTES / 1000:.0f} kB, tiles excluded)")
    print(f"  first markers         {markers_ms:8.0f} ms  (budget {BUDGET_MARKERS_MS:.0f} ms)")
    print(f"  choropleth drawn      {choropleth_ms:8.0f} ms  (/?view=choropleth)")
    ok = size < BUDGET_BYTES and markers_ms < BUDGET_MARKERS_MS
    print("  within budget" if ok else "  OVER BUDGET")
    return ok
