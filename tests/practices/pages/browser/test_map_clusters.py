"""The map's clusters (static/js/map/clusters.js): only the view's clusters and markers are in
the page, a cluster zooms in until its cases separate, and cases that share one spot (placed
at their gmina's point, as every case of the `cases` fixture is) are listed in one popup, from
which each case opens and the list comes back."""
import pytest

from tests.practices.pages.browser.conftest import (
    marker_total,
    shared_cases,
    shared_site,
    shown_count,
    wait_ready,
)

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases

# Białystok's cases: 0, 7, 14, 21, 28, 35 (KNOWN_GMINY[0], one in seven), all at its point.
BIALYSTOK = "/en/?municipality=2061011"


def wait_moved(page, zoom_before):
    page.wait_for_function(
        "([z]) => { const app = document.getElementById('map-app');"
        " return Number(app.dataset.zoom) !== z"
        " && !document.querySelector('.leaflet-zoom-anim'); }",
        arg=[zoom_before],
    )


def still_open(page):
    return page.locator(".leaflet-popup").evaluate("n => n.isConnected && n.style.opacity !== '0'")


def zoom(page):
    return float(page.get_attribute("#map-app", "data-zoom"))


def test_a_cluster_of_cases_at_one_spot_lists_them_and_each_opens(page, site, cases):
    page.goto(site.url + BIALYSTOK)
    wait_ready(page)
    assert shown_count(page) == marker_total(page) == 6
    cluster = page.locator(".map-cluster")
    assert cluster.count() == 1
    before = zoom(page)
    cluster.click()
    # Nothing separates them: the popup lists them instead of zooming in.
    choices = page.locator(".leaflet-popup .case-popup__spot .case-popup__choice")
    choices.first.wait_for()
    assert zoom(page) == before
    assert page.locator(".leaflet-popup .case-popup__title").inner_text() == "6 cases at this place"
    labels = choices.all_inner_texts()
    years = [2015 + i % 9 for i in (0, 7, 14, 21, 28, 35)]
    # Each named as its marker would be (tool and year), newest first.
    assert all(label.startswith("Case: ") for label in labels)
    assert [int(label.rsplit(", ", 1)[1]) for label in labels] == sorted(years, reverse=True)
    choices.first.click()
    title = page.locator(".leaflet-popup .case-popup__title a")
    title.wait_for()
    # The popup stays open (Leaflet starts closing one by setting its opacity to 0).
    assert still_open(page)
    newest = max((0, 7, 14, 21, 28, 35), key=lambda i: 2015 + i % 9)
    assert title.inner_text() == cases[newest].title
    assert page.evaluate("document.activeElement.closest('.leaflet-popup') !== null")
    page.locator(".leaflet-popup .case-popup__back").click()
    choices.first.wait_for()
    assert still_open(page)
    assert choices.count() == 6
    # The focus is back on the case it came from.
    assert page.evaluate("document.activeElement.textContent") == labels[0]


def test_enter_on_a_cluster_opens_its_list_with_the_focus_in_it(page, site, cases):
    page.goto(site.url + BIALYSTOK)
    wait_ready(page)
    page.locator(".map-cluster").focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup .case-popup__choice").first.wait_for()
    assert page.evaluate("document.activeElement.closest('.leaflet-popup') !== null")
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")
    assert "map-cluster" in page.evaluate("document.activeElement.className")


def test_a_cluster_zooms_in_until_its_cases_separate(page, site, cases):
    # Zoomed out: the cases of gminy tens of kilometres apart merge into clusters.
    page.goto(site.url + "/en/?lat=53.6&lon=21.5&zoom=5")
    wait_ready(page)
    total = marker_total(page)
    assert total == shown_count(page) == 42
    biggest = max(range(page.locator(".map-cluster").count()), key=lambda i: int(
        page.locator(".map-cluster [data-count]").nth(i).get_attribute("data-count")))
    cluster = page.locator(".map-cluster").nth(biggest)
    count = int(cluster.locator("[data-count]").get_attribute("data-count"))
    before = zoom(page)
    cluster.click()
    wait_moved(page, before)
    assert zoom(page) > before
    assert page.locator(".leaflet-popup").count() == 0
    # Its cases are still all drawn, now in more than one cluster or marker.
    pieces = page.evaluate(
        "() => [...document.querySelectorAll('.leaflet-marker-icon')].filter(n => {"
        " const r = n.getBoundingClientRect();"
        " const m = document.getElementById('map').getBoundingClientRect();"
        " return r.right > m.left && r.left < m.right"
        " && r.bottom > m.top && r.top < m.bottom; }).length")
    assert count >= 2 and pieces >= 2


def test_only_the_views_clusters_and_markers_are_in_the_page(page, site, cases):
    from geodata.models import Municipality

    point = Municipality.objects.get(teryt="2061011").point
    # Close in on Białystok: the other gminy's cases are far outside the view.
    page.goto(site.url + f"/en/?lat={point.y:.4f}&lon={point.x:.4f}&zoom=13")
    wait_ready(page)
    assert shown_count(page) == 42
    assert marker_total(page) == 6
    # Back out to the region: every case is drawn again.
    page.goto(site.url + "/en/?lat=53.6&lon=21.5&zoom=6")
    wait_ready(page)
    assert marker_total(page) == 42
