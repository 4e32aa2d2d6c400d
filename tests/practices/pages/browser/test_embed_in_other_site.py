"""Another site (another origin) can show /embed/ in an iframe, and the oEmbed answer's HTML
works there as pasted; the map page itself refuses to be framed."""
import json
import urllib.request
from urllib.parse import quote

import pytest

from tests.practices.pages.browser.conftest import (
    api_count,
    marker_total,
    screenshot,
    shared_cases,
    shared_site,
    shown_count,
    wait_ready,
)

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases


def test_the_embed_renders_in_another_site_and_the_map_page_does_not(
        page, site, cases, other_site, watch):
    # The browser reports the refused frame as a console error: expected here.
    watch.allow(r"^(Refused to (display|frame)|Framing) '" + site.url)
    host = other_site.host("/partner.html", (
        f'<iframe name="embed" title="Map of cases" width="800" height="500" '
        f'src="{site.url}/embed/?tool=referendum&lang=en"></iframe>'
        f'<iframe name="page" title="Map page" width="800" height="300" '
        f'src="{site.url}/en/?tool=referendum"></iframe>'
    ))
    page.goto(host)
    embed = page.frame(name="embed")
    wait_ready(embed)
    assert shown_count(embed) == marker_total(embed) == api_count(site, {"tool": "referendum"})
    assert embed.locator("[data-map-link]").get_attribute("target") == "_blank"

    framed_page = page.frame(name="page")
    framed_page.wait_for_load_state()
    assert framed_page.locator("#map-app").count() == 0
    assert not framed_page.url.startswith(site.url)
    screenshot(page, "embed-in-partner-site")


def test_the_embed_does_not_catch_the_host_pages_scroll_wheel(page, site, cases, other_site):
    page.goto(other_site.host("/wheel.html", (
        f'<iframe name="embed" title="Map of cases" width="700" height="450" '
        f'src="{site.url}/embed/"></iframe><div style="height:2000px"></div>'
    )))
    embed = page.frame(name="embed")
    wait_ready(embed)
    zoom = embed.get_attribute("#map-app", "data-zoom")
    box = page.locator("iframe[name=embed]").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -400)
    page.wait_for_timeout(400)
    assert embed.get_attribute("#map-app", "data-zoom") == zoom


def test_the_oembed_html_embeds_the_gmina_in_another_site(page, site, cases, other_site):
    gmina_url = f"{site.url}/en/municipalities/2862011/"
    with urllib.request.urlopen(
            f"{site.url}/oembed/?url={quote(gmina_url, safe='')}&format=json&maxwidth=600"
    ) as response:
        answer = json.loads(response.read())
    assert answer["width"] == 600
    page.goto(other_site.host("/post.html", f"<p>Our gmina:</p>{answer['html']}"))
    frame = page.frames[1]
    wait_ready(frame)
    assert page.locator("iframe").get_attribute("title") == (
        "Participation Map: Participation in Olsztyn"
    )
    assert frame.evaluate("document.documentElement.lang") == "en"
    expected = api_count(site, {"municipality": "2862011"})
    assert shown_count(frame) == marker_total(frame) == expected == 6
    screenshot(page, "oembed-in-partner-site")
