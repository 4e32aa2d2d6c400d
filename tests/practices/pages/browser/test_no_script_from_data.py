"""No script ever runs from data: payloads stored in every text field of a published case (and
its links and facts), in its tool's names and in its gmina's name, are shown as text on every
page, the embed on another site's page, the OGC API's HTML pages and the feeds. Chromium counts
the `dialog` events (zero), and no element carries an event handler or a `javascript:` link
from the payloads. The Content Security Policy is bypassed here (see conftest.py), so the
pages' own escaping is what is tested. test_no_markup_injection.py covers the map's tooltips
and the place search in depth."""
import urllib.request
from xml.etree import ElementTree

import pytest

from tests.practices.pages.browser.conftest import shared_site, wait_ready

pytestmark = pytest.mark.browser
# Its tests only read: their data is loaded once for the module (shared.py).
site = shared_site

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
CLOSE = "</script><script>alert(3)</script>"
SVG = "<svg onload=alert(4)>"
TEMPLATE = "{{7*7}}"
# Unicode tricks: a right-to-left override, a zero-width joiner inside a tag name, fullwidth
# angle brackets, a NUL-free control character.
UNICODE = "\u202e<i\u200dmg src=x onerror=alert(5)>＜script＞alert(6)＜/script＞\x07"
ALL = f"{SCRIPT}{IMG}{CLOSE}{SVG}{TEMPLATE}"
MARKDOWN = (f"[x](javascript:alert(7)) ![y](javascript:alert(8)) "
            f"<a href=\"javascript:alert(9)\">z</a> {ALL} {UNICODE}")
TEERYT = "2061011"
SLUG = "xss-praktyka"
# A page that has markup from the payloads would have one of these.
HOSTILE_ELEMENTS = ("[onerror], [onload], img[src=x], svg[onload], "
                    "a[href^='javascript:' i], iframe[srcdoc]")


@pytest.fixture(scope="module")
def hostile(shared_data):
    return shared_data.load(make_hostile)


def make_hostile():
    from geodata.models import County, Municipality, Voivodeship
    from practices.models import ParticipationTool, Practice, PracticeLink, Status

    Municipality.objects.filter(teryt=TEERYT).update(name=f"Gmina {IMG}{SVG}")
    County.objects.filter(teryt=TEERYT[:4]).update(name=f"Powiat {SCRIPT}")
    Voivodeship.objects.filter(teryt=TEERYT[:2]).update(name=f"Woj {CLOSE}")
    ParticipationTool.objects.filter(slug="konsultacje").update(
        name_pl=f"Konsultacje {IMG}{SVG}", name_en=f"Consultations {IMG}{SVG}")
    gmina = Municipality.objects.get(teryt=TEERYT)
    case = Practice.objects.create(
        title=f"Tytuł {ALL}", slug=SLUG, tool=ParticipationTool.objects.get(slug="konsultacje"),
        municipality=gmina, year=2024, status=Status.PUBLISHED, location=gmina.point,
        summary=f"Streszczenie {ALL} {UNICODE}", description=MARKDOWN,
        organiser=f"Org {ALL}", outcome=f"Wynik {ALL} {UNICODE}", lessons=f"Wnioski {ALL}",
        contact=f"javascript:alert(10) {IMG}", verified_source=f"javascript:alert(11) {ALL}",
        facts={"subject": f"Temat {ALL}", "report_url": "javascript:alert(12)"},
    )
    PracticeLink.objects.create(practice=case, url="javascript:alert(13)", label=f"Źródło {ALL}")
    PracticeLink.objects.create(practice=case, kind=PracticeLink.Kind.LINK,
                                url=f"https://example.org/{IMG}", label=f"Link {SVG}")
    return case


@pytest.fixture
def dialogs(context):
    opened = []

    def watch(page):
        page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))

    context.on("page", watch)
    return opened


def assert_inert(target, where):
    """No element made from the payloads on this page (or frame)."""
    found = target.evaluate(
        "(selector) => [...document.querySelectorAll(selector)].map(e => e.outerHTML)",
        HOSTILE_ELEMENTS,
    )
    assert found == [], where


PAGES = [
    f"/praktyki/{SLUG}/", f"/en/practices/{SLUG}/", f"/gminy/{TEERYT}/",
    f"/gminy/{TEERYT}/druk/", "/narzedzia/", "/narzedzia/konsultacje/", "/statystyki/",
    "/en/statistics/?voivodeship=20", "/ogc/?f=html", "/ogc/collections?f=html",
    "/ogc/collections/practices?f=html", "/ogc/collections/practices/items?f=html",
    "/ogc/collections/municipalities/items?f=html&municipality=2061011",
]


def test_payloads_in_every_field_never_run_on_any_page(page, site, hostile, dialogs):
    for path in PAGES:
        page.goto(site.url + path)
        assert_inert(page, path)
    page.goto(f"{site.url}/ogc/collections/practices/items/{hostile.pk}?f=html")
    assert_inert(page, "OGC item")
    # The case page shows the payloads as text, links without a javascript: target.
    page.goto(f"{site.url}/praktyki/{SLUG}/")
    assert page.locator("h1").inner_text() == f"Tytuł {ALL}"
    for link in page.locator("main a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    assert dialogs == []


def test_payloads_never_run_on_the_map_its_popups_and_its_list(page, site, hostile, dialogs):
    for path in ("/", "/en/?view=choropleth", f"/?municipality={TEERYT}"):
        page.goto(site.url + path)
        wait_ready(page)
        for index in range(page.locator(".case-marker").count()):
            page.locator(".case-marker").nth(index).click()
            page.locator(".case-popup a").first.wait_for()
            assert f"Tytuł {ALL}" in page.locator(".case-popup").all_inner_texts()[-1]
        assert_inert(page, path)
    page.goto(site.url + "/")
    wait_ready(page)
    assert f"Tytuł {ALL}" in page.locator("[data-case-list] tbody a").all_inner_texts()
    assert dialogs == []


def test_payloads_never_run_in_the_embed_on_another_site(page, site, other_site, hostile,
                                                        dialogs):
    url = other_site.host("/partner.html", (
        f'<iframe title="Mapa" src="{site.url}/embed/?list=1&lang=en" '
        'style="width:900px;height:700px"></iframe>'))
    page.goto(url)
    frame = page.frame_locator("iframe")
    frame.locator(".case-marker").first.click()
    frame.locator(".case-popup a").first.wait_for()
    embedded = page.frames[1]
    wait_ready(embedded)
    assert f"Tytuł {ALL}" in embedded.locator("[data-case-list] tbody a").all_inner_texts()
    assert_inert(embedded, "embed")
    assert dialogs == []


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_payloads_never_run_in_the_feeds_opened_in_the_browser(page, site, hostile, dialogs,
                                                               kind):
    # A document without a page of its own makes the browser ask for /favicon.ico.
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    response = page.goto(f"{site.url}/feeds/practices.{kind}")
    assert response.status == 200
    feed = response.text()
    # The titles are text in the XML (escaped), never markup.
    titles = [element.text for element in ElementTree.fromstring(feed).iter()
              if element.tag.rsplit("}", 1)[-1] == "title"]
    assert f"Tytuł {ALL}" in titles
    assert SCRIPT not in feed and IMG not in feed
    assert_inert(page, kind)
    assert dialogs == []


def test_payloads_never_run_in_the_downloaded_map_file(page, site, hostile, dialogs, tmp_path):
    path = tmp_path / "map.html"
    with urllib.request.urlopen(f"{site.url}/export/map.html") as response:
        path.write_bytes(response.read())
    page.goto(path.as_uri())
    page.wait_for_function("document.querySelectorAll('.leaflet-overlay-pane path').length > 0")
    # Open every case's popup through Leaflet (markers overlap at this zoom).
    page.evaluate("""() => {
        for (const key in window) {
            const value = window[key];
            if (value && value instanceof L.GeoJSON) {
                value.eachLayer((layer) => {
                    if (layer.getLatLng) layer.fire('click', {latlng: layer.getLatLng()}, true);
                });
            }
        }
    }""")
    page.locator(".leaflet-popup-content").first.wait_for()
    texts = page.locator(".leaflet-popup-content").all_inner_texts()
    assert any(f"Tytuł {ALL}" in text for text in texts), [t[:160] for t in texts]
    assert_inert(page, "map file")
    assert dialogs == []
