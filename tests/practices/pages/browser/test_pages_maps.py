"""The small maps of the case, gmina and tool pages draw with the tiles unreachable: the
gmina outline (or, for a tool, the gminy of its voivodeships) and the cases, from the page or
from the API for a tool, with the main map's symbols and clusters."""
import pytest

from tests.practices.pages.browser.conftest import api_count, screenshot, shared_cases, shared_site

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases


def map_ready(page, site, path):
    page.goto(site.url + path)
    page.wait_for_selector("#page-map[data-ready]")
    # The clusters are redrawn when a zoom animation ends.
    page.wait_for_function("!document.querySelector('#page-map .leaflet-zoom-anim')")
    assert page.get_attribute("#page-map", "data-load-error") is None


def drawn_cases(page):
    """Markers on the small map, clusters counted by the number they show."""
    return page.evaluate(
        "() => [...document.querySelectorAll('#page-map .map-cluster [data-count]')]"
        ".reduce((sum, node) => sum + Number(node.dataset.count), 0)"
        " + document.querySelectorAll('#page-map .case-marker').length"
    )


def test_the_case_map_outlines_the_gmina_and_marks_the_case(page, site, cases):
    map_ready(page, site, "/en/practices/przypadek-00/")
    assert page.locator("#page-map path.gmina-outline").count() == 1
    marker = page.locator("#page-map .leaflet-marker-icon")
    assert marker.count() == 1
    assert marker.get_attribute("title") == cases[0].title


def test_the_gmina_map_shows_its_published_cases(page, site, cases):
    expected = sum(1 for case in cases if case.municipality_id == "2061011")
    map_ready(page, site, "/gminy/2061011/")
    assert drawn_cases(page) == expected > 0


def test_the_tool_map_shows_what_the_api_returns_for_the_tool(page, site, cases):
    expected = api_count(site, {"tool": "konsultacje"})
    map_ready(page, site, "/en/tools/konsultacje/")
    assert drawn_cases(page) == expected == sum(
        1 for case in cases if case.tool.slug == "konsultacje"
    )


SYMBOL = ("svg => [...svg.querySelectorAll('path')]"
          ".map(p => [p.getAttribute('d'), p.getAttribute('fill')])")


def symbols(page):
    """[(shape path, fill colour)] of the single markers on the small map."""
    return [
        tuple(paths[-1]) for paths in page.eval_on_selector_all(
            "#page-map .case-marker svg", f"nodes => nodes.map({SYMBOL})")
    ]


def test_the_small_maps_draw_the_main_maps_symbols_and_clusters(page, site, cases):
    from practices.models import ParticipationTool

    # The main map's symbol of each tool, as its filter list shows it.
    page.goto(site.url + "/en/")
    page.wait_for_selector("#map-app[data-status=ready]")
    main = {
        slug: tuple(page.eval_on_selector(
            f"label:has(input[name=tool][value={slug}]) svg", SYMBOL)[-1])
        for slug in ParticipationTool.objects.values_list("slug", flat=True)
    }
    map_ready(page, site, "/en/practices/przypadek-00/")
    assert symbols(page) == [main[cases[0].tool.slug]]
    map_ready(page, site, "/en/tools/konsultacje/")
    # The main map's clusters, not markercluster's default green and yellow ones.
    assert page.locator("#page-map .map-cluster").count() >= 1
    assert page.locator("#page-map .marker-cluster").count() == 0
    assert page.locator("#page-map .map-cluster--small").first.evaluate(
        "n => getComputedStyle(n).backgroundColor") == "rgb(255, 255, 255)"
    # Zoom in until the clusters open into markers. A click during a zoom animation is
    # ignored by Leaflet, so each waits for the previous animation to end (on a loaded machine
    # a fixed number of clicks may leave the map still clustered).
    for _ in range(18):
        if page.locator("#page-map .case-marker").count():
            break
        page.locator("#page-map .leaflet-control-zoom-in").click()
        page.wait_for_function(
            "!document.querySelector('#page-map .leaflet-zoom-anim')")
    assert set(symbols(page)) == {main["konsultacje"]}


def test_the_tool_map_outlines_the_gminy_of_its_voivodeships(page, site, cases):
    from geodata.models import Municipality

    map_ready(page, site, "/en/tools/konsultacje/")
    assert page.get_attribute("#page-map", "data-outline") == "ready"
    voivodeships = {case.municipality.voivodeship_id for case in cases
                    if case.tool.slug == "konsultacje"}
    expected = Municipality.objects.filter(voivodeship_id__in=voivodeships).count()
    assert page.locator("#page-map path.region-outline").count() == expected > 0
    page.locator("#page-map").scroll_into_view_if_needed()
    screenshot(page, "tool-small-map")
