"""The address holds the whole state: reloading restores filters, view, centre and zoom;
Back and Forward walk through the changes; invalid parameters fall back to defaults with a
visible note."""
import pytest

from tests.practices.pages.browser.conftest import (
    api_count,
    marker_total,
    shared_cases,
    shared_site,
    shown_count,
    wait_ready,
)

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases


def view_of(page):
    return page.evaluate(
        "() => { const a = document.getElementById('map-app').dataset;"
        " return {view: a.view, zoom: a.zoom, center: a.center, count: a.count}; }"
    )


def checked_tools(page):
    return page.eval_on_selector_all(
        "input[name=tool]:checked", "boxes => boxes.map(box => box.value)"
    )


def test_reloading_the_address_restores_the_same_state(page, site, cases):
    page.goto(site.url + "/en/")
    wait_ready(page)
    page.locator('input[name=tool][value="konsultacje"]').check()
    page.fill("input[name=year_from]", "2017")
    page.locator("input[name=year_from]").dispatch_event("change")
    page.click("[data-view-button=choropleth]")
    page.click(".leaflet-control-zoom-in")
    page.wait_for_function("document.getElementById('map-app').dataset.zoom === '8'")
    page.wait_for_function("location.search.includes('zoom=8')")
    wait_ready(page)
    before = view_of(page)
    address = page.url
    assert before["view"] == "choropleth" and before["zoom"] == "8"
    assert "tool=konsultacje" in address and "year_from=2017" in address

    page.reload()
    wait_ready(page)
    assert page.url == address
    assert view_of(page) == before
    assert checked_tools(page) == ["konsultacje"]
    assert page.input_value("input[name=year_from]") == "2017"
    assert page.get_attribute("[data-view-button=choropleth]", "aria-pressed") == "true"


def test_back_and_forward_walk_through_the_filters(page, site, cases):
    page.goto(site.url + "/")
    wait_ready(page)
    page.locator('input[name=tool][value="referendum"]').check()
    page.wait_for_function("location.search === '?tool=referendum'")
    wait_ready(page)
    page.locator('input[name=tool][value="konsultacje"]').check()
    page.wait_for_function("location.search === '?tool=konsultacje,referendum'")
    wait_ready(page)
    both = shown_count(page)

    page.go_back()
    page.wait_for_function(
        f"document.getElementById('map-app').dataset.count !== '{both}'")
    wait_ready(page)
    assert checked_tools(page) == ["referendum"]
    assert shown_count(page) == marker_total(page) == api_count(site, {"tool": "referendum"})

    page.go_back()
    page.wait_for_function("document.getElementById('map-app').dataset.count === '42'")
    assert checked_tools(page) == []

    page.go_forward()
    page.go_forward()
    page.wait_for_function("location.search === '?tool=konsultacje,referendum'")
    page.wait_for_function(
        f"document.getElementById('map-app').dataset.count === '{both}'")
    wait_ready(page)
    assert checked_tools(page) == ["konsultacje", "referendum"]
    assert marker_total(page) == both


def test_invalid_parameters_fall_back_to_defaults_with_a_note(page, site, cases):
    page.goto(site.url + "/en/?tool=referendum,no-such-tool&year_from=20x1&view=satellite"
              "&zoom=99&lat=53&lon=22&municipality=9999999")
    wait_ready(page)
    note = page.locator("[data-note]")
    assert note.is_visible()
    text = note.inner_text()
    for part in ("tool=no-such-tool", "year_from=20x1", "view=satellite", "zoom=99",
                 "municipality=9999999"):
        assert part in text
    # What was valid is kept; the address no longer carries what was not.
    assert page.url == site.url + "/en/?tool=referendum"
    assert shown_count(page) == marker_total(page) == api_count(site, {"tool": "referendum"})
    note.locator("[data-note-close]").click()
    assert not note.is_visible()


def test_a_position_in_quarter_zoom_steps_is_kept_and_any_other_fraction_refused(
        page, site, cases):
    # Small maps (a phone, an embed) zoom by quarters and write such positions in their links.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site.url + "/en/?lat=53.1&lon=23.1&zoom=7.25")
    wait_ready(page)
    assert page.get_attribute("#map-app", "data-zoom") == "7.25"
    assert not page.locator("[data-note]").is_visible()
    assert page.url.endswith("?lat=53.1000&lon=23.1000&zoom=7.25")
    page.goto(site.url + "/en/?lat=53.1&lon=23.1&zoom=7.3")
    wait_ready(page)
    assert "zoom=7.3" in page.locator("[data-note]").inner_text()
    # A desktop zooms in whole steps: the link opens at the nearest whole level, and the
    # address says so (it kept 7.25 while the map showed 7).
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site.url + "/en/?lat=53.1&lon=23.1&zoom=7.25")
    wait_ready(page)
    assert page.get_attribute("#map-app", "data-zoom") == "7"
    page.wait_for_function("location.search.endsWith('zoom=7')")
    assert not page.locator("[data-note]").is_visible()


def test_a_filter_the_server_refuses_is_dropped_with_a_note(page, site, cases, watch):
    # Stands in for any refusal the page's own checks let through (the API has the last word).
    watch.allow(r"status of 400 \(Bad Request\)")
    # The page's first answers come with it: the refusal comes with the next selection.
    page.route("**/api/points/?tool=referendum&q=*", lambda route: route.fulfill(
        status=400, content_type="application/json",
        body='{"errors": {"q": ["The search text is too long."]}}',
    ))
    page.goto(site.url + "/en/?tool=referendum")
    wait_ready(page)
    page.fill("#filter-q", "anything")
    page.press("#filter-q", "Enter")
    page.wait_for_function("document.querySelector('[data-note]').hidden === false")
    page.wait_for_function("location.search === '?tool=referendum'")
    wait_ready(page)
    assert "q: The search text is too long." in page.locator("[data-note]").inner_text()
    assert shown_count(page) == marker_total(page) == api_count(site, {"tool": "referendum"})
