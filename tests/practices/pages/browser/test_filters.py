"""Filtering in the browser: the markers (cluster counts summed), the list and the count
show exactly the cases the API returns for the same filters."""
import pytest

from tests.practices.pages.browser.conftest import (
    api_count,
    list_rows,
    marker_total,
    shared_cases,
    shared_site,
    shown_count,
    wait_ready,
)

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases


def settled_texts(page, selector, expected, attempts=50):
    """The texts of the nodes `selector` finds, read until they equal `expected` or about
    2.5 s have passed: what they last were."""
    for _ in range(attempts):
        texts = page.locator(selector).all_inner_texts()
        if texts == expected:
            break
        page.wait_for_timeout(50)
    return texts


def wait_changed(page, previous):
    page.wait_for_function(
        "([n]) => { const app = document.getElementById('map-app');"
        " return app.dataset.status === 'ready' && app.dataset.count !== n; }",
        arg=[str(previous)],
    )


@pytest.mark.parametrize("tools, year_from, year_to", [
    (["budzet-obywatelski"], "2017", "2021"),
    (["konsultacje", "referendum"], "2019", ""),
    (["fundusz-solecki"], "", "2016"),
])
def test_tools_and_years_show_what_the_api_returns(page, site, cases, tools, year_from, year_to):
    page.goto(site.url + "/")
    wait_ready(page)
    for slug in tools:
        before = shown_count(page)
        page.locator(f'input[name=tool][value="{slug}"]').check()
        wait_changed(page, before)
    for name, value in (("year_from", year_from), ("year_to", year_to)):
        if value:
            before = shown_count(page)
            page.fill(f"input[name={name}]", value)
            page.locator(f"input[name={name}]").dispatch_event("change")
            wait_changed(page, before)
    params = {"tool": ",".join(tools)}
    params.update({k: v for k, v in (("year_from", year_from), ("year_to", year_to)) if v})
    expected = api_count(site, params)
    assert 0 < expected < len(cases)
    assert shown_count(page) == expected
    assert marker_total(page) == expected
    assert list_rows(page) == expected
    assert page.locator("tbody tr").count() == expected


def test_the_year_slider_narrows_the_years(page, site, cases):
    page.goto(site.url + "/")
    wait_ready(page)
    slider = page.locator("[data-slider=from]")
    slider.focus()
    for _ in range(3):  # 2015 -> 2018
        page.keyboard.press("ArrowRight")
    page.wait_for_function("document.getElementById('map-app').dataset.count !== '42'")
    wait_ready(page)
    assert page.input_value("input[name=year_from]") == "2018"
    assert shown_count(page) == marker_total(page) == api_count(site, {"year_from": "2018"})


def test_a_place_is_found_without_polish_letters(page, site, cases):
    page.goto(site.url + "/en/")
    wait_ready(page)
    # The first search also asks for the country's names and draws the options again when
    # they come: read them once that is done (a node read while it is replaced has no layout,
    # so its text loses the line break).
    with page.expect_response("**/places.json*"):
        page.fill("#place-input", "lomz")
    # Both Łomża gminy (the town and the rural one) are offered; the keyboard walks to the town.
    offered = [
        "Łomża\nrural gmina, łomżyński county",
        "Łomża\nurban gmina, Łomża (city with county rights)",
    ]
    assert settled_texts(page, "#place-options [data-kind=municipality]", offered) == offered
    while page.locator('#place-options [aria-selected=true][data-code="2062011"]').count() == 0:
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('map-app').dataset.count !== '42'")
    wait_ready(page)
    expected = api_count(site, {"municipality": "2062011"})
    assert shown_count(page) == marker_total(page) == list_rows(page) == expected == 6
    assert page.url == site.url + "/en/?municipality=2062011"
    assert "Łomża" in page.locator(".chip").inner_text()


def test_the_place_highlighted_stays_highlighted_when_the_countrys_names_arrive(
        page, site, cases):
    # The first search also asks for the names outside the region, and searches again when
    # they come: held back here until the visitor has walked to an option. Enter then picks
    # the option the visitor sees highlighted, not the first of the new list.
    held = []
    page.route("**/places.json*", lambda route: held.append(route))
    page.goto(site.url + "/en/")
    wait_ready(page)
    page.fill("#place-input", "lomz")
    while page.locator('#place-options [aria-selected=true][data-code="2062011"]').count() == 0:
        page.keyboard.press("ArrowDown")
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the country's names were not asked for"
    with page.expect_response("**/places.json*"):
        held.pop().continue_()
    page.wait_for_timeout(200)
    assert page.locator("#place-options [aria-selected=true]").get_attribute(
        "data-code") == "2062011"
    page.keyboard.press("Enter")
    page.wait_for_function("location.search === '?municipality=2062011'")
    assert "Łomża" in page.locator(".chip").inner_text()


def test_active_filters_are_removable_one_by_one_and_all_at_once(page, site, cases):
    page.goto(site.url + "/?tool=referendum,konsultacje&year_from=2016")
    wait_ready(page)
    chips = page.locator(".chip")
    assert chips.count() == 3
    chips.nth(0).locator("button").click()
    page.wait_for_function("document.querySelectorAll('.chip').length === 2")
    wait_ready(page)
    assert shown_count(page) == api_count(site, {"tool": "konsultacje", "year_from": "2016"})
    assert page.evaluate("document.activeElement.className") == "chip__remove"
    page.locator("[data-clear-all]").click()
    page.wait_for_function("document.getElementById('map-app').dataset.count === '42'")
    assert chips.count() == 0
    assert page.url == site.url + "/"


def test_free_text_finds_cases_without_polish_letters(page, site, cases):
    page.goto(site.url + "/en/")
    wait_ready(page)
    page.fill("#filter-q", "lomza")
    page.wait_for_function("location.search === '?q=lomza'")
    wait_ready(page)
    expected = api_count(site, {"q": "lomza"})
    assert expected == 6  # the cases in Łomża
    assert shown_count(page) == marker_total(page) == list_rows(page) == expected
    assert "Text: “lomza”" in page.locator(".chip").inner_text()
