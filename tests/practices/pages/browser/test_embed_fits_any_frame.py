"""Embeds fit their frame: the code from the embed dialog and from oEmbed, pasted into a
partner page of another origin seen on a phone (390×844) and in an 800×600 window, scrolls
neither sideways nor inside the frame, shows the whole default region, and starts with the
legend folded; the region stays fitted when the frame changes size."""
import json
import urllib.request
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.gis.db.models import Extent

from tests.practices.pages.browser.conftest import (
    screenshot,
    shared_cases,
    shared_site,
    wait_ready,
)

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases

SIZES = [(390, 844), (800, 600)]


def region_extent():
    from geodata.models import Municipality

    gminy = Municipality.objects.filter(voivodeship_id__in=settings.MAPA_DEFAULT_REGION)
    return gminy.aggregate(extent=Extent("boundary"))["extent"]  # (west, south, east, north)


def dialog_snippet(page, site):
    page.goto(site.url + "/en/")
    wait_ready(page)
    page.click("[data-embed-open]")
    code = page.locator("[data-embed-code]").input_value()
    page.keyboard.press("Escape")
    return code


def oembed_snippet(site):
    url = quote(f"{site.url}/en/", safe="")
    with urllib.request.urlopen(f"{site.url}/oembed/?url={url}&format=json") as response:
        return json.loads(response.read())["html"]


def no_sideways_scrolling(target):
    return target.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def shown_bounds(frame):
    west, south, east, north = map(float, frame.get_attribute("#map-app", "data-bounds").split(","))
    return west, south, east, north


def region_in_view(frame, region):
    west, south, east, north = shown_bounds(frame)
    return west <= region[0] and south <= region[1] and east >= region[2] and north >= region[3]


@pytest.mark.parametrize("source", ["dialog", "oembed"])
@pytest.mark.parametrize("width, height", SIZES)
def test_the_pasted_embed_fits_the_partner_page(
        page, site, cases, other_site, source, width, height):
    code = dialog_snippet(page, site) if source == "dialog" else oembed_snippet(site)
    assert "width:100%" in code and 'width="' not in code
    page.set_viewport_size({"width": width, "height": height})
    page.goto(other_site.host("/fit.html", f"<p>Our cases:</p>{code}"))
    frame = page.frames[1]
    wait_ready(frame)
    assert no_sideways_scrolling(page)
    assert no_sideways_scrolling(frame)
    frame_box = page.locator("iframe").bounding_box()
    assert frame_box["x"] + frame_box["width"] <= width
    region = region_extent()
    assert region_in_view(frame, region), (shown_bounds(frame), region)
    # The legend is folded in frames narrower than 900 px, and can be opened.
    legend = frame.locator("details.map-legend")
    assert legend.get_attribute("open") is None
    frame.click("details.map-legend summary")
    assert legend.get_attribute("open") is not None
    screenshot(page, f"embed-fits-{source}-{width}x{height}")


def test_the_region_stays_fitted_when_the_frame_changes_size(page, site, cases, other_site):
    code = oembed_snippet(site)
    page.set_viewport_size({"width": 800, "height": 600})
    page.goto(other_site.host("/resize.html", code))
    frame = page.frames[1]
    wait_ready(frame)
    region = region_extent()
    wide = shown_bounds(frame)
    assert region_in_view(frame, region)
    before = frame.get_attribute("#map-app", "data-bounds")
    page.set_viewport_size({"width": 390, "height": 844})
    frame.wait_for_function(
        "([before]) => document.getElementById('map-app').dataset.bounds !== before", arg=[before],
    )
    page.wait_for_timeout(300)  # Leaflet's late moveend after a resize
    assert "lat=" not in frame.url  # a fitted view, not one the visitor chose
    assert shown_bounds(frame) != wide
    assert region_in_view(frame, region), (shown_bounds(frame), region)
    assert no_sideways_scrolling(page) and no_sideways_scrolling(frame)


def test_the_dialog_preview_shows_a_phone_width(page, site, cases):
    page.goto(site.url + "/en/")
    wait_ready(page)
    page.click("[data-embed-open]")
    page.select_option("[name=embed_preview_width]", "phone")
    preview = page.locator("[data-embed-preview]")
    assert round(preview.bounding_box()["width"]) == 392  # 390 px inside a 1 px border
    page.select_option("[name=embed_shape]", "3/4")
    expected = 'style="border:0;width:100%;aspect-ratio:3/4"'
    page.wait_for_function("([v]) => document.querySelector('[data-embed-code]').value.includes(v)",
                           arg=[expected])
    assert page.locator("[name=embed_height]").is_disabled()
    frame = page.frame_locator("[data-embed-preview]")
    frame.locator("#map-app[data-status=ready]").wait_for(state="attached")
    assert frame.locator("html").evaluate(
        "(html) => html.scrollWidth <= window.innerWidth && window.innerWidth === 390")
    page.select_option("[name=embed_preview_width]", "full")
    assert preview.bounding_box()["width"] > 392
