"""The map's "Download" menu: a disclosure button whose links download exactly the selection
on the map (its filters, updated when they change); Escape closes it and returns focus."""
import pytest

from tests.practices.pages.browser.conftest import (
    screenshot,
    shared_cases,
    shared_site,
    wait_ready,
)

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases


def hrefs(page):
    return page.eval_on_selector_all(
        "[data-download-menu] a", "(links) => links.map((a) => a.getAttribute('href'))")


def test_the_links_carry_the_filters_and_follow_them(page, site, cases):
    page.goto(site.url + "/en/?tool=referendum&year_from=2016")
    wait_ready(page)
    toggle = page.locator("[data-download-toggle]")
    assert toggle.inner_text() == "Download"
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.locator("[data-download-menu]").is_hidden()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    selection = "tool=referendum&year_from=2016"
    assert hrefs(page) == [
        f"/export/practices.csv?{selection}",
        f"/export/practices.csv?{selection}&sep=semicolon",
        f"/export/practices.xlsx?{selection}",
        f"/export/practices.geojson?{selection}",
        f"/export/practices.gpkg?{selection}",
        f"/export/municipalities.csv?{selection}",
        f"/export/municipalities.geojson?{selection}",
        f"/export/municipalities.gpkg?{selection}",
        f"/export/map.html?{selection}&view=markers&lang=en",
        # The data page documents every field and links the exports; it takes no selection.
        "/en/data/",
    ]
    page.locator('input[name=tool][value="konsultacje"]').check()
    page.wait_for_function("location.search.includes('konsultacje')")
    wait_ready(page)
    assert hrefs(page)[0] == "/export/practices.csv?tool=konsultacje,referendum&year_from=2016"
    page.click("[data-view-button=choropleth]")
    wait_ready(page)
    assert hrefs(page)[-2].endswith("&view=choropleth&lang=en")


def test_the_open_menu_has_no_accessibility_violations(page, site, cases, axe):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site.url + "/en/")
    wait_ready(page)
    page.click("[data-download-toggle]")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    axe(page, strict=True)
    screenshot(page, "download-menu-390")


def test_the_menu_works_from_the_keyboard(page, site, cases):
    page.goto(site.url + "/")
    wait_ready(page)
    toggle = page.locator("[data-download-toggle]")
    assert toggle.inner_text() == "Pobierz"
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "CSV"
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/export/practices.csv"
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.locator("[data-download-menu]").is_hidden()
    assert page.evaluate("document.activeElement.dataset.downloadToggle") == ""
    # A click elsewhere closes it too.
    toggle.click()
    page.locator("h2[data-filters-heading], .map-status").first.click()
    assert toggle.get_attribute("aria-expanded") == "false"
