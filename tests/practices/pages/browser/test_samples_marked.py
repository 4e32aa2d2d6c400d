"""Sample cases are marked wherever the map shows them: a dashed ring on their markers named
in the legend, a notice on the map and in the embed, and choropleth tooltips, popups and
legend that say the counts include samples. A selection without samples shows none of it."""
import pytest

from tests.practices.pages.browser.conftest import (
    point_inside,
    screenshot,
    shared_site,
    wait_ready,
)

pytestmark = pytest.mark.browser
# Its tests only read: their data is loaded once for the module (shared.py).
site = shared_site

SAMPLE_LEGEND = "Sample record, not a real case (dashed ring)"
SAMPLE_COUNTS = "The counts include sample records, not real cases."


@pytest.fixture(scope="module")
def two_cases(shared_data):
    return shared_data.load(make_two_cases)


def make_two_cases():
    """A sample case in Białystok and a real one in Olsztyn, far enough apart to be two
    markers at the region's zoom."""
    from geodata.models import Municipality
    from practices.models import ParticipationTool, Practice, Status

    tool = ParticipationTool.objects.get(slug="referendum")
    for teryt, sample in (("2061011", True), ("2862011", False)):
        gmina = Municipality.objects.get(teryt=teryt)
        Practice.objects.create(
            title=f"Referendum w gminie {gmina.name}", slug=f"referendum-{teryt}", tool=tool,
            municipality=gmina, year=2020, status=Status.PUBLISHED, location=gmina.point,
            is_sample=sample,
        )


def test_the_map_rings_sample_markers_and_says_so(page, site, two_cases):
    page.goto(site.url + "/en/")
    wait_ready(page)
    assert page.locator(".case-marker").count() == 2
    assert page.locator(".case-marker--sample").count() == 1
    assert page.locator(".case-marker--sample").get_attribute("title") == (
        "Sample record: Local referendum, 2020"
    )
    assert page.locator("[data-sample-notice]").is_visible()
    assert SAMPLE_LEGEND in page.locator(".map-legend").inner_text()
    screenshot(page, "map-samples")

    page.locator(".case-marker--sample").click()
    popup = page.locator(".case-popup")
    popup.locator("a").wait_for()
    assert "Sample record, not a real case" in popup.inner_text()

    # Only the real case: nothing about samples.
    page.goto(site.url + "/en/?municipality=2862011")
    wait_ready(page)
    assert page.locator(".case-marker--sample").count() == 0
    assert page.locator("[data-sample-notice]").is_hidden()
    assert SAMPLE_LEGEND not in page.locator(".map-legend").inner_text()


def test_the_choropleth_says_its_counts_include_samples(page, site, two_cases):
    page.goto(site.url + "/en/?view=choropleth")
    wait_ready(page)
    assert page.locator("[data-sample-notice]").is_visible()
    assert SAMPLE_COUNTS in page.locator(".map-legend").inner_text()
    x, y = point_inside(page, "2061011")
    page.mouse.move(x, y)
    assert page.locator(".leaflet-tooltip").inner_text() == f"Białystok: 1 case. {SAMPLE_COUNTS}"
    page.mouse.click(x, y)
    assert SAMPLE_COUNTS in page.locator(".gmina-popup").inner_text()

    page.goto(site.url + "/en/?view=choropleth&municipality=2862011")
    wait_ready(page)
    assert page.locator("[data-sample-notice]").is_hidden()
    assert SAMPLE_COUNTS not in page.locator(".map-legend").inner_text()


def test_the_embed_marks_samples_too(page, site, two_cases):
    page.goto(site.url + "/embed/?lang=en")
    wait_ready(page)
    assert page.locator("[data-sample-notice]").is_visible()
    assert page.locator(".case-marker--sample").count() == 1
    screenshot(page, "embed-samples")
