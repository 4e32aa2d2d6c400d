"""Above MAPA_TILES_THRESHOLD cases, the map draws the selection from vector tiles instead of
markers (no point list is downloaded), and a click on a point opens its case's popup; a
selection under the threshold gets markers again."""
import pytest

from tests.practices.pages.browser.conftest import api_json, marker_total, shown_count, wait_ready

pytestmark = pytest.mark.browser


def test_a_large_selection_is_drawn_from_tiles_and_its_points_open_popups(
        page, site, cases, settings):
    settings.MAPA_TILES_THRESHOLD = 10
    case = api_json(site, "/api/practices/przypadek-00/")
    lon, lat = case["geometry"]["coordinates"]
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{site.url}/en/?lat={lat}&lon={lon}&zoom=13")
    wait_ready(page)
    assert page.get_attribute("#map-app", "data-layer") == "tiles"
    assert shown_count(page) == 42
    page.wait_for_function("Number(document.getElementById('map').dataset.tilePoints) > 0")
    assert page.locator("canvas.case-tile").count() > 0
    assert marker_total(page) == 0
    # Tiles draw no clusters, so the legend names none.
    assert page.locator(".map-legend__cluster").count() == 0
    assert not [url for url in asked if "/api/points/?" in url or url.endswith("/api/points/")]
    tiles = [url for url in asked if "/tiles/practices/13/" in url]
    assert tiles and all(url.endswith(".mvt") for url in tiles)
    # The case lies at the centre of the map.
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    popup = page.locator(".leaflet-popup .case-popup__title a")
    popup.wait_for()
    assert popup.inner_text().startswith("Przypadek ")
    assert page.locator(".leaflet-popup .case-popup__facts").inner_text().endswith(
        case["properties"]["municipality"]["name"])
    # Narrowed under the threshold, the selection gets markers.
    page.goto(f"{site.url}/en/?tool=referendum")
    wait_ready(page)
    assert page.get_attribute("#map-app", "data-layer") == "markers"
    assert marker_total(page) == shown_count(page) <= 10
    assert page.locator("canvas.case-tile").count() == 0
    assert page.locator(".map-legend__cluster").count() == 1
