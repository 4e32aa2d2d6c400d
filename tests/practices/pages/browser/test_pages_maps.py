"""The small maps of the case, gmina and tool pages draw with the tiles unreachable: the
gmina outline and the cases, from the page or from the API for a tool."""
import pytest

from tests.practices.pages.browser.conftest import api_count

pytestmark = pytest.mark.browser


def map_ready(page, site, path):
    page.goto(site.url + path)
    page.wait_for_selector("#page-map[data-ready]")
    # During a cluster animation the old and the new clusters are both on the map.
    page.wait_for_function("!document.querySelector('#page-map .leaflet-cluster-anim')")
    assert page.get_attribute("#page-map", "data-load-error") is None


def drawn_cases(page):
    """Markers on the small map, clusters counted by the number they show."""
    return page.evaluate(
        "() => [...document.querySelectorAll('#page-map .marker-cluster span')]"
        ".reduce((sum, node) => sum + Number(node.textContent), 0)"
        " + document.querySelectorAll('#page-map .leaflet-marker-icon:not(.marker-cluster)').length"
    )


def test_the_case_map_outlines_the_gmina_and_marks_the_case(page, site, cases):
    map_ready(page, site, "/en/practices/przypadek-00/")
    assert page.locator("#page-map path.gmina-outline").count() == 1
    marker = page.locator("#page-map .leaflet-marker-icon")
    assert marker.count() == 1
    assert marker.get_attribute("alt") == cases[0].title


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
