"""With cases beyond the region the map draws (a national database), the choropleth counts
the gminy it draws and nothing else: its classes, its table and the number of cases shown
are the region's, and its counts come with the page."""
import pytest

from tests.factories import make_municipality, make_practice
from tests.practices.pages.browser.conftest import shown_count, wait_ready

pytestmark = pytest.mark.browser


@pytest.fixture
def national(site):
    """Two cases in Białystok and one in Suwałki (the default region, 20 and 28), thirty in a
    Warsaw gmina outside it."""
    from geodata.models import Municipality

    warsaw = make_municipality("1465011", "Warszawa", lon=20.9, lat=52.15, size=0.2)
    bialystok, suwalki = (Municipality.objects.get(teryt=t) for t in ("2061011", "2063011"))
    for _ in range(2):
        make_practice(bialystok, "konsultacje")
    make_practice(suwalki, "konsultacje")
    for _ in range(30):
        make_practice(warsaw, "konsultacje")
    return {"2061011": 2, "2063011": 1}


def test_the_choropleth_counts_only_the_gminy_it_draws(page, site, national, watch):
    page.goto(f"{site.url}/en/?view=choropleth")
    wait_ready(page)
    page.wait_for_selector("[data-gmina-counts][data-state=ready]")
    assert shown_count(page) == 3
    rows = page.eval_on_selector_all(
        "[data-gmina-counts] tbody tr",
        "rows => rows.map(r => [r.dataset.teryt, r.cells[2].innerText])",
    )
    assert {teryt: int(count) for teryt, count in rows} == national
    assert page.locator("path[data-teryt='1465011']").count() == 0
    # The legend's classes are the region's counts (1 and 2), not Warsaw's 30.
    legend = page.locator(".map-legend").inner_text()
    assert "30" not in legend and "2" in legend
    # The page carried the region's counts: the script asked for none.
    assert not [url for url in watch.requests if "/api/stats/" in url and "by=municipality" in url]
