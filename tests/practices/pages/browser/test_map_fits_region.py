"""The map page opens on the whole default region fitted to the map's size, on a phone as on
a desktop, without sideways scrolling; it refits when the window changes size until the
visitor moves the map."""
import pytest

from tests.practices.pages.browser.conftest import (
    screenshot,
    shared_cases,
    shared_site,
    wait_ready,
)
from tests.practices.pages.browser.test_embed_fits_any_frame import (
    no_sideways_scrolling,
    region_extent,
    region_in_view,
    shown_bounds,
)

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases


def wait_bounds_changed(page, before):
    page.wait_for_function(
        "([before]) => document.getElementById('map-app').dataset.bounds !== before", arg=[before],
    )
    page.wait_for_timeout(300)  # Leaflet's late moveend after a resize


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 800)])
def test_the_whole_region_is_in_view_at_any_size(page, site, cases, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site.url + "/en/")
    wait_ready(page)
    region = region_extent()
    assert region_in_view(page, region), (shown_bounds(page), region)
    assert no_sideways_scrolling(page)
    assert "lat=" not in page.url
    if width < 600:
        # On a phone closely (quarter zoom steps): the region spans most of the map's width
        # or height, not a corner of it. A desktop keeps whole zoom levels (sharp tiles).
        west, south, east, north = shown_bounds(page)
        r_west, r_south, r_east, r_north = region
        assert max((r_east - r_west) / (east - west), (r_north - r_south) / (north - south)) > 0.7
    screenshot(page, f"map-fits-{width}x{height}")


def test_the_region_is_refitted_when_the_window_turns_until_the_visitor_moves_the_map(
        page, site, cases):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site.url + "/en/")
    wait_ready(page)
    region = region_extent()
    before = page.get_attribute("#map-app", "data-bounds")
    page.set_viewport_size({"width": 844, "height": 390})
    wait_bounds_changed(page, before)
    assert region_in_view(page, region), (shown_bounds(page), region)
    assert "lat=" not in page.url
    # The visitor zooms in: the view is theirs, and a resize keeps it.
    page.click(".leaflet-control-zoom-in")
    page.wait_for_function("location.search.includes('zoom=')")
    chosen = page.get_attribute("#map-app", "data-zoom")
    before = page.get_attribute("#map-app", "data-bounds")
    page.set_viewport_size({"width": 390, "height": 844})
    wait_bounds_changed(page, before)
    assert not region_in_view(page, region)
    assert page.get_attribute("#map-app", "data-zoom") == chosen
    assert f"zoom={chosen}" in page.url
