"""Above MAPA_TILES_THRESHOLD cases, the map draws the selection from vector tiles instead of
markers (no point list is downloaded): up to zoom 13 the cases of a place as a cluster disc
whose click zooms in, then a point per case whose click opens its popup; a selection under
the threshold gets markers again."""
import pytest

from tests.practices.opendata.test_tiles_clusters import pixel
from tests.practices.pages.browser.conftest import api_json, marker_total, shown_count, wait_ready

pytestmark = pytest.mark.browser

CELL = 64  # CSS pixels: the server's grid, 8 × 8 cells a tile drawn 512 pixels wide
DISC = 16  # the radius of a cluster disc of under 10 cases


def centre_of_a_disc(site, cases):
    """A case and the map zoom 13 (tiles of zoom 12, the last counted per cell two zoom levels
    before a point per case) at which its gmina's cases are drawn as a disc right on them, that
    is well inside their grid cell (the page keeps each disc inside its cell)."""
    for slug in sorted({case.municipality_id: case.slug for case in cases}.values()):
        lon, lat = api_json(site, f"/api/practices/{slug}/")["geometry"]["coordinates"]
        for zoom in (13,):
            x, y = (value / 16 % CELL for value in pixel(lon, lat, zoom))
            if DISC + 2 <= min(x, y) and max(x, y) <= CELL - DISC - 2:
                return slug, lon, lat, zoom
    raise AssertionError("no gmina of the test data lies well inside a cell")


def test_a_large_selection_is_drawn_from_tiles_with_clusters_and_points_that_open_popups(
        page, site, cases, settings):
    settings.MAPA_TILES_THRESHOLD = 10
    slug, lon, lat, zoom = centre_of_a_disc(site, cases)
    case = api_json(site, f"/api/practices/{slug}/")
    asked, events = [], []
    page.on("request", lambda request: asked.append(request.url))
    page.on("request", lambda request: events.append(("asked", request.url)))
    page.on("requestfinished", lambda request: events.append(("done", request.url)))
    page.goto(f"{site.url}/en/?lat={lat}&lon={lon}&zoom={zoom}")
    wait_ready(page)
    # The gmina outline and the list's page are asked once the view's tiles are in: they
    # share neither the connection nor the server with them.
    last_tile = max(n for n, (kind, url) in enumerate(events)
                    if kind == "done" and "/tiles/practices/" in url)
    after = [n for n, (kind, url) in enumerate(events) if kind == "asked" and (
        "/api/municipalities/" in url or "/api/practices/?" in url)]
    assert len(after) == 2 and min(after) > last_tile
    assert page.get_attribute("#map-app", "data-layer") == "tiles"
    assert shown_count(page) == 42
    page.wait_for_function("Number(document.getElementById('map').dataset.tileClusters) > 0")
    assert page.locator("canvas.case-tile").count() > 0
    assert marker_total(page) == 0
    # The tiles draw clusters, named in the legend.
    assert page.locator(".map-legend__cluster").count() == 1
    assert not [url for url in asked if "/api/points/?" in url or url.endswith("/api/points/")]
    # Tiles of one zoom less drawn 512 pixels wide, with the grid of 64-pixel cells.
    tiles = [url for url in asked if f"/tiles/practices/{zoom - 1}/" in url]
    assert tiles and all(".mvt?" in url and url.endswith("cells=8") for url in tiles)
    assert not [url for url in asked if f"/tiles/practices/{zoom}/" in url]
    # The gmina's cases are a disc at the centre of the map: a click zooms in, to a point per
    # case.
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function(f"new URLSearchParams(location.search).get('zoom') === '{zoom + 2}'")
    page.wait_for_function(
        "document.getElementById('map').dataset.tileClusters === '0'"
        " && Number(document.getElementById('map').dataset.tilePoints) > 0")
    assert page.locator(".leaflet-popup").count() == 0
    # The case lies at the centre of the map.
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


def test_the_previous_selections_points_go_as_soon_as_the_new_ones_are_drawn(
        page, site, cases, settings):
    """Widened over the threshold, the selection's tiles replace its markers at once, not when
    the list's page comes (held back here); narrowed again, the markers replace the tiles."""
    settings.MAPA_TILES_THRESHOLD = 10
    page.goto(f"{site.url}/en/?tool=referendum")
    wait_ready(page)
    assert page.get_attribute("#map-app", "data-layer") == "markers"
    assert marker_total(page) == shown_count(page) > 0
    held = []
    page.route("**/api/practices/?*",
               lambda route: held.append(route) if holding else route.continue_())

    def wait_for_held():
        for _ in range(200):
            if held:
                break
            page.wait_for_timeout(50)
        assert held, "the list's page was not asked"

    def release():
        nonlocal holding
        holding = False
        while held:
            held.pop().continue_()

    holding = True
    page.locator(".chip button").first.click()  # every tool: 42 cases
    page.wait_for_function("document.getElementById('map-app').dataset.layer === 'tiles'"
                           " && document.querySelectorAll('canvas.case-tile').length > 0")
    # The list's page is asked once the tiles are in.
    wait_for_held()
    assert page.get_attribute("#map-app", "data-status") == "loading"
    assert marker_total(page) == 0
    release()
    wait_ready(page)
    assert shown_count(page) == 42
    holding = True
    page.go_back()
    page.wait_for_function("document.getElementById('map-app').dataset.layer === 'markers'"
                           " && document.querySelectorAll('.case-marker, .map-cluster').length > 0")
    wait_for_held()  # asked once the markers are drawn
    assert page.get_attribute("#map-app", "data-status") == "loading"
    assert page.locator("canvas.case-tile").count() == 0
    release()
    wait_ready(page)


@pytest.mark.parametrize("size, path", [
    ({"width": 1280, "height": 800}, "/en/"),
    ({"width": 390, "height": 844}, "/en/"),
    ({"width": 800, "height": 600}, "/embed/"),
    ({"width": 390, "height": 844}, "/embed/?tool=konsultacje,budzet-obywatelski"),
    ({"width": 1280, "height": 800}, "/en/?lat=53.1&lon=23.1&zoom=9"),
])
def test_the_first_views_tiles_are_asked_early_once_each_and_all_drawn(
        context, site, cases, settings, size, path):
    # The page says its first view is drawn from tiles. Without a position in the address,
    # the page's first script asks for the view's tiles as soon as the map's element is laid
    # out, computing the view and the tiles as Leaflet will (first-tiles.js: preloads); with
    # one, the map's script asks as soon as the map has its view (tile-points.js,
    # prefetchTiles). The layer then takes them. A tile asked but never drawn, or asked
    # twice, means the two disagree.
    settings.MAPA_TILES_THRESHOLD = 1
    page = context.new_page()
    page.set_viewport_size(size)
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{site.url}{path}")
    wait_ready(page)
    page.wait_for_function("document.getElementById('map').dataset.tilePoints !== undefined")
    tiles = [url for url in asked if "/tiles/practices/" in url]
    assert tiles and len(tiles) == len(set(tiles))
    assert page.locator("canvas.case-tile").count() == len(tiles)
    preloaded = page.eval_on_selector_all(
        "link[rel=preload][href*='/tiles/practices/']", "links => links.map(link => link.href)")
    assert sorted(preloaded) == ([] if "lat=" in path else sorted(tiles))
    # Asked before the list's first page: the script did not wait for its wiring and render.
    lists = [n for n, url in enumerate(asked) if "/api/practices/?" in url]
    if lists:
        assert max(asked.index(url) for url in tiles) < min(lists)


def test_an_embed_in_a_hidden_frame_asks_for_no_tiles_early(page, site, cases, settings,
                                                           other_site):
    # A partner page can hold the map in a frame not shown yet (a closed tab): the map then
    # has no size, its view is not known, and the page guesses no tiles for it.
    settings.MAPA_TILES_THRESHOLD = 1
    page.goto(other_site.host("/hidden.html", (
        f'<iframe name="embed" title="Map of cases" style="display:none" '
        f'src="{site.url}/embed/"></iframe>'
    )))
    embed = page.frame(name="embed")
    embed.wait_for_load_state("load")
    assert embed.locator("#map").evaluate("map => map.clientWidth") == 0
    assert embed.evaluate("JSON.parse(document.getElementById('map-data').textContent).tilesFirst")
    assert embed.locator("link[rel=preload][href*='/tiles/practices/']").count() == 0
