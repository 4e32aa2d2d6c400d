"""The downloaded map opened as a file in Chromium: it draws every case with no network, its
popups show a hostile title as text, and nothing runs."""
import pytest

from tests.practices.api import world as world_module
from tests.practices.api.world import ALL_PUBLISHED

PAYLOAD = '<img src=x onerror="alert(1)">'

pytestmark = pytest.mark.browser


def test_the_file_opens_offline_and_its_popups_are_inert(client, db, context, watch, tmp_path):
    world = world_module.build()
    case = world["cases"]["referendum-elk-2018"]
    case.title = PAYLOAD
    case.save()
    path = tmp_path / "map.html"
    path.write_bytes(client.get("/export/map.html").content)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    markers = page.locator("path.leaflet-interactive[stroke-dasharray], "
                           "path.leaflet-interactive:not([fill-opacity='0'])")
    page.wait_for_function("document.querySelectorAll('.leaflet-marker-pane, path').length > 0")
    circles = page.locator(".leaflet-overlay-pane path").count()
    assert circles >= len(ALL_PUBLISHED)
    assert markers.count() >= 1
    # Open the hostile case's popup through Leaflet (markers overlap at this zoom).
    page.evaluate("""() => {
        for (const key in window) {
            const value = window[key];
            if (value && value instanceof L.GeoJSON) {
                value.eachLayer((layer) => {
                    if (layer.feature && layer.feature.properties.municipality === '2807011'
                        && layer.feature.properties.tool === 'referendum') {
                        // The popup is bound to the layer group: a click on the marker opens it.
                        layer.fire('click', {latlng: layer.getLatLng()}, true);
                    }
                });
            }
        }
    }""")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert PAYLOAD in popup.inner_text()
    page.wait_for_timeout(300)
    assert dialogs == []
    requests = [url for url in watch.requests if not url.startswith(("file:", "data:"))]
    assert requests == []
    assert not watch.problems, watch.problems
