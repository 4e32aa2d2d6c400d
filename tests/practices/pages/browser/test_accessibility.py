"""axe-core finds no WCAG 2.2 A or AA violation and no best-practice one on the map (both
views, on a phone, with the embed dialog and the place search open) and on the embed; what
it cannot decide is listed at the end of the test output."""
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


@pytest.mark.parametrize("path", [
    "/",
    "/en/?view=choropleth&tool=budzet-obywatelski",
    "/en/?tool=nope",  # with the note about an invalid parameter
    "/embed/",
    "/embed/?lang=en&list=1&tool=referendum,konsultacje",
    "/embed/?controls=0&view=choropleth",
])
def test_the_page_has_no_wcag_violations(page, site, cases, axe, path):
    page.goto(site.url + path)
    wait_ready(page)
    axe(page, strict=True)
    if path.startswith("/embed/"):
        screenshot(page, "embed" + ("-list" if "list=1" in path else ""))


def test_the_phone_layout_with_the_filters_open_has_no_wcag_violations(page, site, cases, axe):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site.url + "/en/?tool=referendum")
    wait_ready(page)
    page.click("[data-filters-toggle]")
    axe(page, strict=True)


def test_open_dialog_and_place_search_have_no_wcag_violations(page, site, cases, axe):
    page.goto(site.url + "/en/")
    wait_ready(page)
    page.fill("#place-input", "ol")
    assert page.locator("#place-options [role=option]").count() > 1
    axe(page, strict=True)
    page.keyboard.press("Escape")
    page.click("[data-embed-open]")
    page.frame_locator("[data-embed-preview]").locator("#map-app[data-status=ready]").wait_for(
        state="attached")
    axe(page, strict=True)
    screenshot(page, "embed-dialog")
