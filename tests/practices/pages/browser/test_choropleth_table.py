"""In the choropleth view the list twin is the map's numbers as a table: every gmina with
matching cases, its county and its count, as the server counts them, sortable by name and
by count; the markers view lists the cases again."""
import pytest

from tests.practices.pages.browser.conftest import (
    api_count,
    api_json,
    list_rows,
    shared_site,
    shared_uneven_cases,
    wait_list,
    wait_ready,
)

pytestmark = pytest.mark.browser
# Its tests only read: the uneven cases are loaded once for the module (shared.py).
site, uneven_cases = shared_site, shared_uneven_cases

TABLE = "[data-gmina-counts]"


def polish_order(name):
    """Enough of the Polish alphabetical order for these names: Ł comes after L."""
    return name.casefold().replace("ł", "l~")


def table_ready(page):
    wait_ready(page)
    page.wait_for_selector(f"{TABLE}[data-state=ready]")


def table(page):
    """[(teryt, gmina, county, count)] as the table shows them, top to bottom."""
    return [
        (teryt, name, county, int(count))
        for teryt, name, county, count in page.eval_on_selector_all(
            f"{TABLE} tbody tr",
            "rows => rows.map(r => [r.dataset.teryt, ...[...r.cells].map(c => c.innerText)])",
        )
    ]


def test_the_table_shows_the_counts_per_gmina_of_the_stats_api(page, site, uneven_cases):
    from geodata.models import Municipality

    page.goto(f"{site.url}/en/?view=choropleth&tool=konsultacje")
    table_ready(page)
    stats = api_json(site, "/api/stats/", {"by": "municipality", "tool": "konsultacje"})
    expected = {row["municipality"]: row["count"] for row in stats["rows"] if row["count"]}
    rows = table(page)
    assert {teryt: count for teryt, _name, _county, count in rows} == expected == uneven_cases
    gminy = Municipality.objects.select_related("county").in_bulk(list(expected))
    for teryt, name, county, _count in rows:
        assert name == gminy[teryt].name
        assert gminy[teryt].county.name in county
    assert page.is_visible(TABLE) and not page.is_visible(".case-table:not(.gmina-count-table)")
    assert page.locator("#case-list-heading").inner_text() == "Matching cases per gmina"
    link = page.locator(f"{TABLE} tbody a").first
    assert link.get_attribute("href") == f"/en/municipalities/{rows[0][0]}/"


def test_the_table_sorts_by_count_and_by_name(page, site, uneven_cases):
    page.goto(f"{site.url}/en/?view=choropleth")
    table_ready(page)
    counts = [count for *_rest, count in table(page)]
    assert counts == sorted(counts, reverse=True) and len(set(counts)) > 1
    page.click(f"{TABLE} th[data-sort=name] button")
    names = [name for _t, name, _c, _n in table(page)]
    assert names == sorted(names, key=polish_order) and len(names) == len(uneven_cases)
    assert page.get_attribute(f"{TABLE} th[data-sort=name]", "aria-sort") == "ascending"
    page.click(f"{TABLE} th[data-sort=count] button")
    assert [count for *_rest, count in table(page)] == counts
    page.click(f"{TABLE} th[data-sort=count] button")
    assert [count for *_rest, count in table(page)] == sorted(counts)
    assert page.get_attribute(f"{TABLE} th[data-sort=count]", "aria-sort") == "ascending"


def test_the_markers_view_lists_the_cases_again(page, site, uneven_cases):
    page.goto(f"{site.url}/en/?view=choropleth")
    table_ready(page)
    page.click("[data-view-button=markers]")
    wait_ready(page)
    wait_list(page)
    assert not page.is_visible(TABLE)
    assert list_rows(page) == api_count(site, {}) >= sum(uneven_cases.values())
    assert page.locator("#case-list-heading").inner_text() == "List of cases"
