"""How instant a tool switch on the map feels (issue 7 §3), in headless Chromium.

With bench.web's CASES synthetic cases over the default region, served on gunicorn as bench.web
serves them, each round opens / in a fresh browser context (cold cache) and, once the map is
ready, times:

  cold   a click on a tool's checkbox until every marker of the new selection is in the DOM
         (single markers plus the numbers of the clusters, counted on every animation frame,
         with no cluster animation running), the first time the page asks for that tool
  warm   the same click again after going back to all tools (the browser has the answer and
         revalidates it: a 304)

The expected number of markers is the API's own answer for the tool (/api/points/), read
outside the browser. Figures are medians of RUNS rounds, each with another tool. Targets:
warm switch within WARM_TARGET_MS, cold within COLD_TARGET_MS.
"""
import json
import statistics
import urllib.request

from bench.checkouts import Server, checkouts
from bench.data import remove_added
from bench.web import (
    CASES,
    CHROMIUM,
    CHROMIUM_ARGS,
    SLUG_PREFIX,
    TILE_URL,
    ensure_boundaries,
    load_cases,
)

RUNS = 5
COLD_TARGET_MS = 400.0
WARM_TARGET_MS = 250.0
TOOLS = ("konsultacje", "budzet-obywatelski", "fundusz-solecki", "referendum",
         "mlodziezowa-rada", "rada-seniorow", "inicjatywa-lokalna")

# Cases drawn: the numbers of the clusters plus the single markers.
DRAWN = """
() => [...document.querySelectorAll('.map-cluster [data-count]')]
  .reduce((sum, node) => sum + Number(node.dataset.count), 0)
  + document.querySelectorAll('.case-marker').length
"""
READY = (
    "([expected]) => {"
    " const app = document.getElementById('map-app');"
    " if (app.dataset.status !== 'ready') return false;"
    " if (document.querySelector('.leaflet-cluster-anim')) return false;"
    f" const drawn = ({DRAWN.strip()})();"
    " if (drawn !== expected) return false;"
    " window.__switched = performance.now();"
    " return true; }"
)
CLICK = """
([slug]) => {
  window.__clicked = performance.now();
  document.querySelector(`input[name=tool][value="${slug}"]`).click();
}
"""


def run():
    from practices.domain.tools import load_tools
    from practices.models import ParticipationTool

    load_tools(ParticipationTool)
    added = ensure_boundaries()
    server = None
    try:
        load_cases()
        server = Server(checkouts()[0], "mapa.wsgi:application", workers=2, threads=4,
                        env={"MAPA_TILE_URL": TILE_URL}, ready="/")
        return measure(server)
    finally:
        if server:
            server.stop()
        remove_added(SLUG_PREFIX, added)


def expected_count(server, slug, total=False):
    query = "" if total else f"?tool={slug}"
    with urllib.request.urlopen(f"{server.url}/api/points/{query}") as response:
        return len(json.loads(response.read())["id"])


def switch(page, slug, expected):
    """ms from the click on the tool's checkbox to all `expected` markers drawn."""
    page.evaluate(CLICK, [slug])
    page.wait_for_function(READY, arg=[expected], polling="raf", timeout=30_000)
    return page.evaluate("() => window.__switched - window.__clicked")


def round_trip(browser, server, slug, everything):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url + "/")
    page.wait_for_function(READY, arg=[everything], polling="raf", timeout=30_000)
    expected = expected_count(server, slug)
    cold = switch(page, slug, expected)
    back = switch(page, slug, everything)  # unchecking: all tools again
    warm = switch(page, slug, expected)
    context.close()
    if errors:
        raise RuntimeError(f"script errors: {errors}")
    return cold, warm, back, expected


def measure(server):
    from playwright.sync_api import sync_playwright

    everything = expected_count(server, "", total=True)
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        round_trip(browser, server, TOOLS[-1], everything)  # warms the server, not counted
        for index in range(RUNS):
            results.append(round_trip(browser, server, TOOLS[index % len(TOOLS)], everything))
        browser.close()

    cold = statistics.median(r[0] for r in results)
    warm = statistics.median(r[1] for r in results)
    back = statistics.median(r[2] for r in results)
    markers = statistics.median(r[3] for r in results)
    print(f"\nTool switch on / with {CASES:,} cases ({everything:,} in the region), headless "
          f"Chromium, median of {RUNS} (about {markers:.0f} markers per tool):")
    print(f"  cold switch (first time)     {cold:7.0f} ms  (target {COLD_TARGET_MS:.0f} ms)")
    print(f"  warm switch (second time)    {warm:7.0f} ms  (target {WARM_TARGET_MS:.0f} ms)")
    print(f"  back to all {everything:,} cases       {back:7.0f} ms")
    ok = cold <= COLD_TARGET_MS and warm <= WARM_TARGET_MS
    print("  within target" if ok else "  TARGET MISSED")
    return ok
