"""The choropleth view shades exactly the gminy that have matching cases, in classes named
in the legend; a gmina with cases is reachable by keyboard and opens its summary."""
import pytest

from tests.practices.pages.browser.conftest import (
    api_json,
    screenshot,
    shared_cases,
    shared_site,
    wait_ready,
)

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases

EMPTY_FILL = "#f2f2f2"


def shading(page):
    """{teryt: (count shown, fill colour)} of every gmina drawn."""
    return {
        row[0]: (int(row[1]), row[2])
        for row in page.eval_on_selector_all(
            "path[data-teryt]",
            "paths => paths.map(p => [p.dataset.teryt, p.dataset.count, p.getAttribute('fill')])",
        )
    }


@pytest.mark.parametrize("query, params", [
    ("", {}),
    ("tool=budzet-obywatelski,referendum&year_to=2019",
     {"tool": "budzet-obywatelski,referendum", "year_to": "2019"}),
])
def test_it_shades_exactly_the_gminy_with_matching_cases(page, site, cases, query, params):
    page.goto(f"{site.url}/en/?view=choropleth&{query}")
    wait_ready(page)
    expected = {
        feature["properties"]["teryt"]: feature["properties"]["practice_count"]
        for feature in api_json(site, "/api/municipalities/",
                                {**params, "voivodeship": "20,28"})["features"]
    }
    shown = shading(page)
    assert {t: count for t, (count, _fill) in shown.items()} == expected
    shaded = {t for t, (_count, fill) in shown.items() if fill != EMPTY_FILL}
    assert shaded == {t for t, count in expected.items() if count > 0}
    assert len(shaded) > 1
    legend = page.locator(".map-legend").inner_text()
    assert "No matching cases" in legend
    screenshot(page, f"choropleth{'-filtered' if query else ''}")


def test_switching_views_keeps_the_filters(page, site, cases):
    page.goto(f"{site.url}/en/?tool=referendum")
    wait_ready(page)
    page.click("[data-view-button=choropleth]")
    page.wait_for_function("location.search === '?tool=referendum&view=choropleth'")
    wait_ready(page)
    counts = {t: c for t, (c, _f) in shading(page).items() if c}
    assert sum(counts.values()) == int(page.get_attribute("#map-app", "data-count"))
    assert page.locator(".case-marker, .map-cluster").count() == 0
    page.click("[data-view-button=markers]")
    page.wait_for_function("location.search === '?tool=referendum'")
    assert page.locator("input[name=tool][value=referendum]").is_checked()


def test_a_gmina_with_cases_is_a_keyboard_button_with_a_summary(page, site, cases):
    page.goto(f"{site.url}/en/?view=choropleth")
    wait_ready(page)
    gmina = page.locator('path[data-teryt="2862011"]')
    assert gmina.get_attribute("role") == "button"
    assert gmina.get_attribute("aria-label") == "Olsztyn: 6 cases"
    assert page.locator('path[data-teryt="2005011"]').get_attribute("tabindex") is None
    gmina.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".gmina-popup")
    assert "6 matching cases" in popup.inner_text()
    assert popup.locator("a").get_attribute("href") == "/en/municipalities/2862011/"
