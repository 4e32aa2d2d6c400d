"""The map page and the embed load the map's code as one script (bin/build-js bundles
static/js/map/), so that a phone on a slow connection waits one round trip for it, not one per
module; the libraries it needs come before it and never block the page's parsing."""
import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/en/", "/embed/", "/?view=choropleth"])
def test_the_map_loads_one_bundled_script(client, path):
    html = client.get(path).content.decode()
    scripts = re.findall(r"<script\b[^>]*\bsrc=\"([^\"]+)\"[^>]*>", html)
    modules = re.findall(r'<script type="module" src="([^"]+)"', html)
    assert modules == ["/static/build/map.js"]
    assert not [src for src in scripts if "/js/map/" in src]
    assert "modulepreload" not in html
    # Leaflet and its plugin, deferred: they run before the bundle, in this order.
    assert re.findall(r'<script defer src="([^"]+)"', html) == [
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet.markercluster/leaflet.markercluster.js",
    ]

