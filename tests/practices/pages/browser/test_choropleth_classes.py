"""The map page's choropleth classes are the server's (practices/choropleth.py): the page's
script computes the same classes and colours for the same counts, equal counts share a
colour, zero has its own, and 21 next to 22 are not at opposite ends of the palette."""
import pytest

from practices.choropleth import PALETTE, ZERO_COLOR, count_classes
from tests.practices.pages.browser.conftest import (
    screenshot,
    shared_site,
    shared_uneven_cases,
    wait_ready,
)
from tests.practices.pages.browser.test_choropleth import shading

pytestmark = pytest.mark.browser
# Its tests only read: the uneven cases are loaded once for the module (shared.py).
site, uneven_cases = shared_site, shared_uneven_cases

DISTRIBUTIONS = [
    [],
    [0, 0],
    [1, 1, 2, 3, 3],
    list(range(1, 40)),
    [1, 2, 2, 3, 5, 8, 13, 21, 22, 34, 55, 89],
    [1] * 50 + [2] * 3 + [100],
    [21, 22, 21, 22, 300],
    list(range(0, 500, 7)),
    [21] * 30 + [22] * 5,
    [0] * 40 + [1] * 7 + [2, 2, 4, 9],
    [3, 3],
    [1] * 10 + [7],
]


def script_classes(page, values):
    """The classes the page's script computes for `values` (static/js/map/choropleth.js)."""
    return page.evaluate(
        """async (values) => {
            // The source module the page's bundle is built from (bin/build-js).
            const module = await import('/static/js/map/choropleth.js');
            return module.classBreaks(values).map((c) => [c.min, c.max, c.color]);
        }""",
        values,
    )


def test_the_page_computes_the_same_classes_as_the_server(page, site):
    page.goto(f"{site.url}/en/?view=choropleth")
    wait_ready(page, boundaries=False)
    for values in DISTRIBUTIONS:
        expected = [[c.low, c.high, c.color] for c in count_classes(values)]
        assert script_classes(page, values) == expected, values


def test_close_counts_are_not_painted_at_both_ends_of_the_palette(page, site):
    page.goto(f"{site.url}/en/?view=choropleth")
    wait_ready(page, boundaries=False)
    classes = script_classes(page, [21] * 30 + [22] * 5)
    colour = {value: c for low, high, c in classes for value in range(low, high + 1)}
    assert 0 < PALETTE.index(colour[22]) - PALETTE.index(colour[21]) <= 1


def test_on_the_map_equal_counts_share_a_colour_and_zero_has_its_own(page, site, uneven_cases):
    page.goto(f"{site.url}/en/?view=choropleth")
    wait_ready(page)
    shown = shading(page).values()
    by_count = {}
    for count, fill in shown:
        by_count.setdefault(count, set()).add(fill)
    assert set(by_count) == {0, 1, 2, 4}
    assert all(len(fills) == 1 for fills in by_count.values()), by_count
    assert by_count[0] == {ZERO_COLOR}
    assert ZERO_COLOR not in {fill for count, fill in shown if count > 0}
    # Each class has the server's colour on the map and its range in the legend.
    legend = [text.strip() for text in page.locator(".map-legend__list li").all_inner_texts()]
    for item in count_classes([count for count, _fill in shown]):
        assert {fill for count, fill in shown if item.holds(count)} == {item.color}
        label = (f"{item.low}–{item.high} cases" if item.low != item.high
                 else f"{item.low} case{'' if item.low == 1 else 's'}")
        assert label in legend, (label, legend)
    screenshot(page, "choropleth-classes")
