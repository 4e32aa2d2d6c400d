"""Browser tests: real headless Chromium (Debian's /usr/bin/chromium, never a downloaded
browser) driven by Playwright, against pytest-django's live server with the real NE
boundaries and a known set of cases.

Every test gets a `page` that fails the test on any script error, any console error and any
request leaving this machine. The base-map tiles point at a closed port on 127.0.0.1, as
in CI where there is no network: the map must work without them.
"""
import json
import os
import re
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings as django_settings

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
# Port 9 (discard): nothing listens, so every tile fails as it would offline.
TILE_URL = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"
TILE_PREFIX = "http://127.0.0.1:9/"
LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}
AXE = django_settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = django_settings.BASE_DIR / "test-artifacts"
# Every page is held to WCAG 2.2 A and AA and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# axe's incomplete results (what it could not decide, to be reviewed by a person), listed
# at the end of the test output.
AXE_INCOMPLETE = {}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        # A failure, not a skip: a suite that silently skips its browser tests proves nothing.
        pytest.fail("Chromium is not installed: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site(live_server, settings, ne_boundaries):
    """The live server with the real NE gminy and tiles that cannot load."""
    settings.MAPA_TILE_URL = TILE_URL
    return live_server


class Watch:
    """What a page did that a test must not accept."""

    def __init__(self):
        self.problems = []
        self.allowed = []
        self.requests = []

    def allow(self, pattern):
        """Accept console errors matching a regular expression (an expected refusal)."""
        self.allowed.append(re.compile(pattern))

    def console(self, message):
        if message.type != "error":
            return
        if message.location.get("url", "").startswith(TILE_PREFIX):
            return  # a tile that could not load: expected offline
        if any(pattern.search(message.text) for pattern in self.allowed):
            return
        self.problems.append(f"console error: {message.text} ({message.location.get('url')})")

    def request(self, request):
        self.requests.append(request.url)
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOOPBACK:
            self.problems.append(f"request leaving the machine: {request.url}")


@pytest.fixture
def watch():
    return Watch()


@pytest.fixture
def context(browser, watch):
    # Playwright's wait_for_function and add_script_tag evaluate strings in the page, which
    # our Content Security Policy refuses (no unsafe-eval, no inline script): these tests of
    # behaviour bypass it, and test_content_security_policy.py checks the policy itself.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    context.on("page", lambda page: attach(page, watch))
    yield context
    context.close()


def attach(page, watch):
    page.on("pageerror", lambda error: watch.problems.append(f"page error: {error}"))
    page.on("console", watch.console)
    page.on("request", watch.request)
    page.set_default_timeout(10_000)


@pytest.fixture
def page(context, watch, site):
    page = context.new_page()
    yield page
    assert not watch.problems, "\n".join(watch.problems)


def wait_ready(page, boundaries=True):
    """Wait until the map shows the current state (and the gmina boundaries), with no
    zoom animation running (the clusters are redrawn when it ends)."""
    page.wait_for_function(
        "([b]) => { const app = document.getElementById('map-app');"
        " const list = document.querySelector('[data-case-list]');"
        " return app && app.dataset.status === 'ready'"
        " && (!b || app.dataset.boundaries === 'ready')"
        " && (!list || list.dataset.state !== 'loading')"
        " && !document.querySelector('.leaflet-zoom-anim'); }",
        arg=[boundaries],
    )


def marker_total(page_or_frame):
    """Cases drawn on the map: the counts of the clusters plus the single markers."""
    return page_or_frame.evaluate(
        "() => [...document.querySelectorAll('.map-cluster [data-count]')]"
        ".reduce((sum, node) => sum + Number(node.dataset.count), 0)"
        " + document.querySelectorAll('.case-marker').length"
    )


def shown_count(page_or_frame):
    return int(page_or_frame.get_attribute("#map-app", "data-count"))


def list_rows(page_or_frame):
    """Cases in the list twin, counted as rows in the table (its own requests to the server
    for pages, not the map's answer), for tests to compare with the API's count."""
    return page_or_frame.locator("[data-case-list] [data-list-view=markers] tbody tr a").count()


def wait_list(page_or_frame):
    page_or_frame.wait_for_function(
        "document.querySelector('[data-case-list]').dataset.state === 'ready'"
    )


def point_inside(page, teryt):
    """A screen point where the gmina's shape is the topmost element (no marker above it)."""
    return page.evaluate(
        """(teryt) => {
          const path = document.querySelector(`path[data-teryt="${teryt}"]`);
          const box = path.getBBox();
          const matrix = path.getScreenCTM();
          for (let fy = 0.1; fy < 0.9; fy += 0.04) {
            for (let fx = 0.1; fx < 0.9; fx += 0.04) {
              const inner = new DOMPoint(box.x + box.width * fx, box.y + box.height * fy);
              if (!path.isPointInFill(inner)) continue;
              const screen = inner.matrixTransform(matrix);
              const top = document.elementFromPoint(screen.x, screen.y);
              if (top === path) return [screen.x, screen.y];
            }
          }
          return null;
        }""",
        teryt,
    )


def api_json(server, path, params=None):
    query = ("?" + urlencode(params)) if params else ""
    with urllib.request.urlopen(f"{server.url}{path}{query}") as response:
        return json.loads(response.read())


def api_count(server, params):
    return len(api_json(server, "/api/practices/", params)["features"])


@pytest.fixture
def axe():
    """Runs axe-core's WCAG 2.2 A and AA rules and its best practices on a page (or frame),
    asserts none fails and keeps its incomplete results for the summary."""

    def check(target, strict=True):  # `strict` is kept for the callers that name it
        # Evaluated through the DevTools protocol, which the page's Content Security Policy
        # does not govern: an injected <script> would be refused as inline script.
        target.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
        result = target.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            AXE_TAGS,
        )
        for item in result["incomplete"]:
            where = [node["target"] for node in item["nodes"]][:3]
            AXE_INCOMPLETE.setdefault(f"{item['id']}: {item['help']}", set()).add(
                f"{urlsplit(target.url).path}?{urlsplit(target.url).query} {where}")
        violations = [
            f"{v['id']}: {v['help']} at {[node['target'] for node in v['nodes']][:3]}"
            for v in result["violations"]
        ]
        assert violations == []

    return check


def screenshot(page, name, full_page=False):
    """Saves a screenshot to test-artifacts/ (gitignored) for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


# A known set of published cases over the real NE gminy: (tool, year) spread so that tool and
# year filters select proper subsets; a draft and an archived case that must never show.
KNOWN_GMINY = ["2061011", "2862011", "2805011", "2062011", "2063011", "2005062", "2818033"]
KNOWN_TOOLS = ["budzet-obywatelski", "konsultacje", "fundusz-solecki", "referendum",
               "mlodziezowa-rada"]


@pytest.fixture
def cases(site):
    return make_cases()


def make_cases():
    from geodata.models import Municipality
    from practices.models import ParticipationTool, Practice, Status

    gminy = {g.teryt: g for g in Municipality.objects.filter(teryt__in=KNOWN_GMINY)}
    tools = {t.slug: t for t in ParticipationTool.objects.all()}

    def case(i, gmina, tool, year, slug, status=Status.PUBLISHED):
        return Practice(
            title=f"Przypadek {i:02d} w gminie {gmina.name}", slug=slug, tool=tools[tool],
            municipality=gmina, year=year, status=status, location=gmina.point,
        )

    published = [
        case(i, gminy[KNOWN_GMINY[i % len(KNOWN_GMINY)]], KNOWN_TOOLS[i % len(KNOWN_TOOLS)],
             2015 + i % 9, f"przypadek-{i:02d}")
        for i in range(42)
    ]
    # One bulk insert: a save() per case would cost about a second per test.
    Practice.objects.bulk_create(published + [
        case(98, gminy["2061011"], "referendum", 2020, "szkic", Status.DRAFT),
        case(99, gminy["2862011"], "referendum", 2020, "archiwum", Status.ARCHIVED),
    ])
    return published


# Cases per gmina for the choropleth's classes and its table: two pairs of equal counts and
# a single one, all of one tool.
UNEVEN = dict(zip(KNOWN_GMINY, [4, 4, 2, 2, 1], strict=False))


@pytest.fixture
def uneven_cases(site):
    return make_uneven_cases()


def make_uneven_cases():
    from geodata.models import Municipality
    from practices.models import ParticipationTool, Practice, Status

    tool = ParticipationTool.objects.get(slug="konsultacje")
    gminy = Municipality.objects.in_bulk(list(UNEVEN))
    Practice.objects.bulk_create([
        Practice(title=f"Konsultacje {teryt} {i}", slug=f"konsultacje-{teryt}-{i}", tool=tool,
                 municipality=gminy[teryt], year=2020, status=Status.PUBLISHED,
                 location=gminy[teryt].point)
        for teryt, n in UNEVEN.items() for i in range(n)
    ])
    return UNEVEN


class OtherSite:
    """A tiny web server on another 127.0.0.1 port (so another origin than the live server)
    serving the HTML pages a test puts in `pages`, like a partner's site embedding the map."""

    def __init__(self):
        self.pages = {}
        pages = self.pages

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                body = pages.get(self.path)
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write((body or "not found").encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def host(self, path, body_html):
        """Publishes a page with the given body and returns its URL."""
        self.pages[path] = (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner site'
            '</title><link rel="icon" href="data:,">'
            f"</head><body><h1>Partner site</h1>{body_html}</body></html>"
        )
        return self.url + path

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def other_site():
    site = OtherSite()
    yield site
    site.close()


def pytest_terminal_summary(terminalreporter):
    if not AXE_INCOMPLETE:
        return
    terminalreporter.section("axe-core: incomplete results, for review")
    for rule, places in sorted(AXE_INCOMPLETE.items()):
        terminalreporter.write_line(f"{rule} ({len(places)} page states)")
        for place in sorted(places)[:5]:
            terminalreporter.write_line(f"    {place}")


# The shared fixtures of modules whose tests only read (shared.py), offered to every module
# here; imported last, as shared.py uses this module's helpers.
from tests.practices.pages.browser.shared import (  # noqa: E402, F401
    shared_cases,
    shared_data,
    shared_known_cases,
    shared_server,
    shared_site,
    shared_uneven_cases,
    shared_uneven_data,
)
