"""The map page loads in a real browser with the tiles unreachable: markers, gmina
boundaries and the list render, no script error, nothing requested from outside."""
import pytest

from tests.practices.pages.browser.conftest import (
    list_rows,
    marker_total,
    point_inside,
    screenshot,
    shared_cases,
    shared_site,
    shown_count,
    wait_ready,
)

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases


def test_the_map_shows_every_published_case_with_nothing_from_outside(
        page, site, cases, watch):
    page.goto(site.url + "/en/")
    wait_ready(page)
    # Each request carries the selection and is made once: the boundaries (whatever the
    # filters) and the list's first page; never the whole collection of cases. The compact
    # points and the tools' facet counts come with the page (map-answers): never asked for.
    assert sorted(url for url in watch.requests if "/api/" in url) == sorted(
        site.url + path for path in (
            "/api/municipalities/?voivodeship=20,28",
            "/api/practices/?limit=100&offset=0&sort=-year",
        )
    )
    assert shown_count(page) == len(cases) == 42
    assert marker_total(page) == 42
    assert list_rows(page) == 42
    assert page.locator("path[data-teryt]").count() == 234  # the NE gminy, outlined
    # The legend names the symbol of each tool on the map (and only those).
    assert page.locator(".map-legend li").all_inner_texts() == [
        "Public consultations", "Participatory budget", "Village fund", "Local referendum",
        "Youth council", "12\nGroup of cases (number inside)",
    ]
    screenshot(page, "map-1280")


def test_a_gmina_shows_its_name_on_hover_and_its_county_on_click(page, site, cases):
    page.goto(site.url + "/en/")
    wait_ready(page)
    x, y = point_inside(page, "2005062")
    page.mouse.move(x, y)
    assert page.locator(".leaflet-tooltip").inner_text() == "Hajnówka"
    page.mouse.click(x, y)
    popup = page.locator(".gmina-popup")
    assert "hajnowski county, podlaskie voivodeship" in popup.inner_text()
    assert popup.locator("a").get_attribute("href") == "/en/municipalities/2005062/"


def test_on_a_phone_the_filters_fold_into_a_panel(context, site, cases, watch):
    phone = context.new_page()
    phone.set_viewport_size({"width": 360, "height": 740})
    phone.goto(site.url + "/")
    wait_ready(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert not phone.locator("#map-filters").is_visible()
    screenshot(phone, "map-360")
    toggle = phone.locator("[data-filters-toggle]")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert phone.locator("#map-filters").is_visible()
    phone.locator('input[name=tool][value="referendum"]').check()
    phone.wait_for_function("document.getElementById('map-app').dataset.count !== '42'")
    screenshot(phone, "map-360-filters")
    phone.locator("[data-filters-close]").click()
    assert not phone.locator("#map-filters").is_visible()
    assert toggle.inner_text().strip().endswith("(1)")
    assert not watch.problems
