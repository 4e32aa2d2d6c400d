"""The map page and the embed write the map's styles and scripts into their HTML
(practices/pages/inline_assets.py): the styles in one file, Leaflet, and the map's code as one
bundle (bin/build-js bundles static/js/map/), so that a phone on a slow connection waits no
round trip for them after the HTML's. Each script written in is allowed by its digest in the
page's Content Security Policy, and no other inline script is. A file that cannot be written
in is linked instead, and named in the Link header."""
import base64
import hashlib
import re

import pytest

from practices.pages import inline_assets
from practices.pages.framing import directives

pytestmark = pytest.mark.django_db
MAP_PAGES = ["/en/", "/embed/", "/?view=choropleth"]


def inline_scripts(html):
    """[(opening tag, text)] of the page's scripts written in (JSON data blocks aside)."""
    return [(tag, text) for tag, text in re.findall(r"(<script[^>]*>)(.*?)</script>", html, re.S)
            if "src=" not in tag and "application/json" not in tag]


def digest(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("path", MAP_PAGES)
def test_the_map_writes_leaflet_and_one_bundle_into_its_html(client, settings, path):
    html = client.get(path).content.decode()
    assert not re.findall(r"<script\b[^>]*\bsrc=", html)
    assert not re.findall(r'<link rel="stylesheet"', html)
    scripts = inline_scripts(html)
    # Leaflet first, as a classic script; then the bundle, a module (it runs once the page is
    # parsed, after Leaflet).
    assert [tag for tag, _text in scripts] == ["<script>", '<script type="module">']
    leaflet = (settings.BASE_DIR / "node_modules/leaflet/dist/leaflet.js").read_text()
    # Each source map comment names the map's own address.
    assert scripts[0][1] == leaflet.replace(
        "//# sourceMappingURL=leaflet.js.map",
        "//# sourceMappingURL=/static/vendor/leaflet/leaflet.js.map")
    bundle = (settings.BASE_DIR / "static/build/map.js").read_text()
    assert scripts[1][1] == bundle.replace("//# sourceMappingURL=map.js.map",
                                           "//# sourceMappingURL=/static/build/map.js.map")
    assert "/js/map/" not in html and "modulepreload" not in html


@pytest.mark.parametrize("path", MAP_PAGES)
def test_only_the_scripts_written_in_may_run(client, path):
    response = client.get(path)
    allowed = directives(response["Content-Security-Policy"])["script-src"]
    scripts = inline_scripts(response.content.decode())
    assert sorted(allowed) == sorted(["'self'", *(digest(text) for _tag, text in scripts)])
    assert "'unsafe-inline'" not in allowed
    # Another page allows no inline script at all.
    other = client.get("/en/tools/")
    assert directives(other["Content-Security-Policy"])["script-src"] == ["'self'"]


def test_the_styles_point_at_their_images_from_the_page(client, settings):
    html = client.get("/en/").content.decode()
    styles = "".join(re.findall(r"<style>(.*?)</style>", html, re.S))
    images = re.findall(r"url\(([^)]+)\)", styles)
    assert images
    for url in images:
        url = url.strip("\"'")
        assert url.startswith(("/static/", "data:", "#")), url  # #default#VML: old IE
        if url.startswith("/static/"):
            assert client.get(url).status_code == 200, url
    # The site's styles, then the map's (Leaflet's, the markers', the map page's).
    site = (settings.BASE_DIR / "static/css/site.css").read_text()
    assert styles.startswith(site)


@pytest.mark.parametrize("text", [
    "var a = '</script><script>alert(1)</script>';", "/* <!-- */", "x = '</SCRIPT >'",
])
def test_a_text_that_could_leave_its_element_is_linked_instead(client, monkeypatch, text):
    real = inline_assets._prepared

    def prepared(path, found, mtime, size, url):
        if path == "build/map.js":
            return inline_assets.prepared_text(text, path, url)
        return real(path, found, mtime, size, url)

    monkeypatch.setattr(inline_assets, "_prepared", prepared)
    response = client.get("/en/")
    html = response.content.decode()
    assert '<script type="module" src="/static/build/map.js"></script>' in html
    assert text not in html
    # Linked, so named in the Link header for the browser to ask for it early.
    assert response["Link"] == "</static/build/map.js>; rel=modulepreload"
    assert [tag for tag, _text in inline_scripts(html)] == ["<script>"]


def test_the_small_maps_load_one_stylesheet_of_their_own(client, django_db_setup):
    from practices.models import ParticipationTool

    tool = ParticipationTool.objects.order_by("position").first()
    html = client.get(f"/en/tools/{tool.slug}/").content.decode()
    assert "/static/build/maps.css" in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert "/static/build/small-map.js" in html
