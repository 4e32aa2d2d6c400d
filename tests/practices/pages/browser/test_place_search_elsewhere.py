"""The map page carries the place names of its region only; a search for a place elsewhere
fetches the whole country's names once, finds it, and filters by it."""
import pytest

from tests.factories import make_county, make_municipality
from tests.practices.pages.browser.conftest import wait_ready

pytestmark = pytest.mark.browser


def test_a_gmina_outside_the_region_is_found_and_filtered(page, site, cases):
    make_county("1465", "Warszawa")
    make_municipality("1465011", "Warszawa", 21.0, 52.2)
    asked = []
    page.on("request", lambda request: asked.append(request.url) if "places.json" in request.url
            else None)
    page.goto(site.url + "/en/")
    wait_ready(page)
    assert asked == []
    page.fill("#place-input", "warsz")
    option = page.locator('#place-options [data-code="1465011"]')
    option.wait_for()
    assert option.inner_text() == "Warszawa\nurban gmina, Warszawa county"
    option.click()
    page.wait_for_function("location.search === '?municipality=1465011'")
    wait_ready(page)
    assert page.locator(".chip").inner_text().startswith("Place: Warszawa (urban gmina)")
    # Searching again uses the names already fetched.
    page.fill("#place-input", "ełk")
    page.locator('#place-options [data-code="2805011"]').wait_for()
    assert asked == [site.url + "/en/places.json"]
