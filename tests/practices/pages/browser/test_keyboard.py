"""With the keyboard alone: Tab reaches the filters, the skip link leads to the list, and a
case link in the list opens the case page."""
import pytest

from tests.practices.pages.browser.conftest import (
    screenshot,
    shared_cases,
    shared_site,
    wait_list,
    wait_ready,
)

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases


def focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName, name: e.name || '', text: (e.textContent || '').trim(),"
        " href: e.getAttribute('href') || ''}; }"
    )


def tab_until(page, predicate, limit):
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if predicate(focused(page)):
            return presses
    raise AssertionError(f"not reached in {limit} presses of Tab; last: {focused(page)}")


def test_tab_reaches_the_tool_filters(page, site, cases):
    page.goto(site.url + "/en/")
    wait_ready(page)
    tab_until(page, lambda f: f["name"] == "tool", limit=20)
    page.keyboard.press("Space")
    page.wait_for_function("location.search === '?tool=konsultacje'")


def test_the_skip_link_leads_to_the_list_and_a_case_opens_from_it(page, site, cases):
    page.goto(site.url + "/en/")
    wait_ready(page)
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to the list of cases"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "case-list-heading"
    tab_until(page, lambda f: f["href"].startswith("/en/practices/"), limit=6)
    target = focused(page)["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + target)
    assert page.locator("h1").inner_text().startswith("Przypadek")
    screenshot(page, "case-page", full_page=True)


def test_the_list_sorts_from_the_keyboard(page, site, cases):
    page.goto(site.url + "/en/")
    wait_ready(page)
    year = page.locator("th[data-sort=year]")
    assert year.get_attribute("aria-sort") == "descending"
    page.locator("th[data-sort=title] button").focus()
    page.keyboard.press("Enter")
    wait_list(page)  # the server sends the first page in the new order
    assert page.locator("th[data-sort=title]").get_attribute("aria-sort") == "ascending"
    assert year.get_attribute("aria-sort") is None
    titles = page.locator("tbody tr td:first-child a").all_inner_texts()
    assert titles == sorted(titles)
