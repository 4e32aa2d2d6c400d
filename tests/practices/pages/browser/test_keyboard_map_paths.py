"""Keyboard paths through the map: Enter on a gmina area moves the focus into its popup and
Escape gives it back; the zoom controls and the legend come before the areas, and a visible
skip link passes them."""
import pytest

from tests.practices.pages.browser.conftest import shared_cases, shared_site, wait_ready

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases

CHOROPLETH = "/en/?view=choropleth"


def active(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName.toLowerCase(), teryt: e.dataset ? e.dataset.teryt || '' : '',"
        " inPopup: Boolean(e.closest('.leaflet-popup')), text: (e.textContent || '').trim(),"
        " cls: e.getAttribute('class') || '', id: e.id}; }"
    )


def test_enter_on_an_area_moves_focus_into_its_popup_and_escape_returns_it(page, site, cases):
    page.goto(site.url + CHOROPLETH)
    wait_ready(page)
    area = page.locator("path[tabindex='0']").first
    teryt = area.get_attribute("data-teryt")
    area.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup").wait_for()
    assert active(page)["inPopup"]
    page.keyboard.press("Tab")
    focus = active(page)
    assert focus["inPopup"] and focus["text"].startswith("Open the page of")
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")
    assert active(page)["teryt"] == teryt


def test_the_popups_close_button_returns_focus_to_the_area(page, site, cases):
    page.goto(site.url + CHOROPLETH)
    wait_ready(page)
    area = page.locator("path[tabindex='0']").nth(1)
    teryt = area.get_attribute("data-teryt")
    area.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-close-button").focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup").wait_for(state="detached")
    assert active(page)["teryt"] == teryt


def test_zoom_and_legend_come_before_the_areas(page, site, cases):
    page.goto(site.url + CHOROPLETH)
    wait_ready(page)
    assert page.locator("path[tabindex='0']").count() >= 5
    page.locator("#map").focus()
    reached = []
    for _ in range(8):
        page.keyboard.press("Tab")
        focus = active(page)
        assert focus["tag"] != "path", f"an area before the controls; reached {reached}"
        reached.append(focus["cls"] or focus["tag"])
        if "map-skip--areas" in focus["cls"]:
            break
    assert any("leaflet-control-zoom-in" in c for c in reached)
    assert "summary" in reached  # the legend's
    assert "map-skip--areas" in reached[-1]
    # After the skip link, the areas.
    page.keyboard.press("Tab")
    assert active(page)["tag"] == "path"


def test_a_visible_skip_link_passes_the_areas(page, site, cases):
    page.goto(site.url + CHOROPLETH)
    wait_ready(page)
    skip = page.locator(".map-skip--areas")
    skip.focus()
    assert skip.inner_text() == "Skip the map's areas and markers"
    box = skip.bounding_box()
    viewport = page.viewport_size
    assert 0 <= box["x"] < viewport["width"] and 0 <= box["y"] < viewport["height"]
    page.keyboard.press("Enter")
    assert active(page)["id"] == "case-list-heading"


def test_in_an_embed_the_skip_link_leads_past_the_map(page, site, cases):
    page.goto(site.url + "/embed/?lang=en&view=choropleth")
    wait_ready(page)
    page.locator(".map-skip--areas").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.hasAttribute('data-map-link')")


def test_enter_on_a_marker_opens_its_case_in_a_popup_and_escape_returns_focus(
        page, site, cases):
    # One case (case 0: Białystok, 2015): a marker of its own, not a cluster.
    page.goto(site.url + "/en/?municipality=2061011&year=2015")
    wait_ready(page)
    marker = page.locator(".leaflet-marker-icon.case-marker")
    assert marker.count() == 1
    assert marker.get_attribute("title") == "Case: Participatory budget, 2015"
    marker.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup .case-popup__title a").wait_for()
    assert active(page)["inPopup"]
    assert page.locator(".leaflet-popup .case-popup__title").inner_text() == (
        "Przypadek 00 w gminie Białystok"
    )
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")
    assert active(page)["cls"].startswith("leaflet-marker-icon")
    # A second Enter opens it again (the popup, bound on the first, is reused).
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup .case-popup__title a").wait_for()
