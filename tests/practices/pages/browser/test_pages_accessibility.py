"""The case, gmina, tool and statistics pages in a real browser: axe-core finds no WCAG 2.2
A/AA violation and no best-practice one, at desktop and phone widths (what it cannot decide
is listed at the end of the test output), and the skip link leads into the content."""
import pytest

from tests.practices.pages.browser.conftest import screenshot, shared_cases, shared_site

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases

PAGES = {
    "case": "/praktyki/przypadek-00/",
    "gmina": "/gminy/2061011/",
    "tool": "/narzedzia/budzet-obywatelski/",
    "tools": "/en/tools/",
    "statistics": "/statystyki/",
    "gmina sheet": "/gminy/2061011/druk/",
}


def open_page(page, site, name, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site.url + PAGES[name])
    if page.locator("#page-map").count():
        page.wait_for_selector("#page-map[data-ready]")
        # axe looks at a settled map: its outline drawn and no zoom animation
        # running (a marker caught mid-animation was measured as a too-small touch target).
        page.wait_for_function(
            "(() => { const map = document.querySelector('#page-map');"
            " return map.dataset.outline !== 'loading'"
            " && !map.querySelector('.leaflet-zoom-anim'); })()")
        page.wait_for_timeout(300)


@pytest.mark.parametrize("name", list(PAGES))
def test_the_page_has_no_accessibility_violations(page, site, cases, axe, name):
    open_page(page, site, name, 1280)
    axe(page)
    screenshot(page, f"{name}-1280", full_page=True)


@pytest.mark.parametrize("name", ["case", "statistics"])
def test_on_a_phone_the_page_fits_and_has_no_violations(page, site, cases, axe, name):
    open_page(page, site, name, 360)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe(page)
    screenshot(page, f"{name}-360", full_page=True)


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, site, cases):
    open_page(page, site, "case", 1280)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
