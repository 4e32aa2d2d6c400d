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
    # Leaflet, deferred: it runs before the bundle (the clusters are in the bundle).
    assert re.findall(r'<script defer src="([^"]+)"', html) == ["/static/vendor/leaflet/leaflet.js"]



@pytest.mark.parametrize("path", ["/en/", "/embed/", "/?view=choropleth"])
def test_the_map_loads_six_things_at_most_so_a_phone_waits_one_round_trip(client, path):
    html = client.get(path).content.decode()
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    # The site's styles, then Leaflet's, the markers' and the map's in one file.
    assert styles[-1] == "/static/build/map.css"
    assert len(styles) <= 2
    scripts = re.findall(r"<script\b[^>]*\bsrc=\"([^\"]+)\"[^>]*>", html)
    preloads = re.findall(r'<link rel="preload"[^>]*href="([^"]+)"', html)
    # HTTP/1.1 browsers fetch six at once.
    assert len(styles) + len(scripts) + len(preloads) <= 6


def test_the_small_maps_load_one_stylesheet_of_their_own(client, django_db_setup):
    from practices.models import ParticipationTool

    tool = ParticipationTool.objects.order_by("position").first()
    html = client.get(f"/en/tools/{tool.slug}/").content.decode()
    assert "/static/build/maps.css" in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert "/static/build/small-map.js" in html
