"""Switching language keeps the map's state: the switcher's links follow every change."""
import pytest

from tests.practices.pages.browser.conftest import shown_count, wait_ready

pytestmark = pytest.mark.browser


def test_the_language_switch_keeps_the_filters_and_view(page, site, cases):
    page.goto(site.url + "/?tool=referendum")
    wait_ready(page)
    english = page.locator("a[data-keep-query][hreflang=en]")
    assert english.get_attribute("href").endswith("/en/?tool=referendum")

    page.locator('input[name=tool][value="konsultacje"]').check()
    page.fill("input[name=year_from]", "2018")
    page.locator("input[name=year_from]").dispatch_event("change")
    page.click("[data-view-button=choropleth]")
    query = "?tool=konsultacje,referendum&year_from=2018&view=choropleth"
    page.wait_for_function(f"location.search === '{query}'")
    wait_ready(page)
    count = shown_count(page)
    assert english.get_attribute("href") == f"{site.url}/en/{query}"

    english.click()
    page.wait_for_url(f"{site.url}/en/{query}")
    wait_ready(page)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("input[name=tool]:checked").evaluate_all(
        "boxes => boxes.map(box => box.value)") == ["konsultacje", "referendum"]
    assert page.input_value("input[name=year_from]") == "2018"
    assert page.get_attribute("[data-view-button=choropleth]", "aria-pressed") == "true"
    assert shown_count(page) == count
    polish = page.locator("a[data-keep-query][hreflang=pl]")
    assert polish.get_attribute("href") == f"{site.url}/{query}"
