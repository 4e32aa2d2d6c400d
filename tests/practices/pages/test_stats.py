"""The statistics page's aggregations: cases per tool and year, per voivodeship and growth
over time, from published cases only, and the page's charts and data tables."""
import re

import pytest

from practices import stats
from practices.models import Status
from tests.factories import make_municipality, make_practice, make_voivodeship

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    make_voivodeship("14")  # no cases: still listed, with 0
    podlaskie = make_municipality("2061011", "Białystok")
    warmia = make_municipality("2802012", "Barczewo", lon=20.6, lat=53.8)
    make_practice(podlaskie, "budzet-obywatelski", 2022)
    make_practice(podlaskie, "budzet-obywatelski", 2023)
    make_practice(podlaskie, "konsultacje", 2023)
    make_practice(podlaskie, "referendum", 2023, status=Status.DRAFT)
    make_practice(podlaskie, "konsultacje", 2020, status=Status.REJECTED)
    make_practice(warmia, "fundusz-solecki", 2021, is_sample=True)
    make_practice(warmia, "fundusz-solecki", 2023)
    make_practice(warmia, "inne", 2019, status=Status.ARCHIVED)


def test_cases_per_tool_and_year_count_published_cases_only(catalogue):
    table = stats.counts_by_tool_and_year()
    assert table.years == [2021, 2022, 2023]
    assert [(tool.slug, counts, total) for tool, counts, total in table.rows] == [
        ("konsultacje", [0, 0, 1], 1),
        ("budzet-obywatelski", [0, 1, 1], 2),
        ("fundusz-solecki", [1, 0, 1], 2),
    ]
    assert table.year_totals == [1, 1, 3]
    assert table.total == 5


def test_cases_per_voivodeship_list_every_voivodeship(catalogue):
    assert [(v.teryt, count) for v, count in stats.counts_by_voivodeship()] == [
        ("14", 0), ("20", 3), ("28", 2),
    ]


def test_growth_is_cumulative_by_year(catalogue):
    assert stats.growth_by_year() == [(2021, 1, 1), (2022, 1, 2), (2023, 3, 5)]


def test_an_empty_catalogue_has_no_years():
    assert stats.counts_by_tool_and_year().rows == []
    assert stats.growth_by_year() == []


def rows_of(html, caption):
    table = html[html.index(caption):]
    table = table[:table.index("</table>")]
    return [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
    ]


def test_the_page_shows_each_chart_with_its_data_table(client, catalogue):
    html = client.get("/en/statistics/").content.decode()
    assert rows_of(html, "Published cases per tool and year") == [
        ["Tool", "2021", "2022", "2023", "Total"],
        ["Public consultations", "0", "0", "1", "1"],
        ["Participatory budget", "0", "1", "1", "2"],
        ["Village fund", "1", "0", "1", "2"],
        ["Total", "1", "1", "3", "5"],
    ]
    assert rows_of(html, "Published cases per voivodeship") == [
        ["Voivodeship", "TERYT code", "Cases"],
        ["mazowieckie", "14", "0"], ["podlaskie", "20", "3"], ["warmińsko-mazurskie", "28", "2"],
    ]
    assert rows_of(html, "Published cases by year") == [
        ["Year", "Cases that year", "Cumulative"],
        ["2021", "1", "1"], ["2022", "1", "2"], ["2023", "3", "5"],
    ]
    # One small chart per tool with cases, one per voivodeship, one for growth.
    assert html.count('<svg class="chart-svg"') == 3 + 1 + 1
    assert "5 published cases in the catalogue." in html


def test_the_page_says_when_sample_cases_are_counted(client, catalogue):
    html = client.get("/en/statistics/").content.decode()
    assert "One case shown here is sample data" in html


def test_chart_coordinates_are_not_localised(client, catalogue):
    """Polish formats numbers with a decimal comma; SVG attributes need a dot."""
    html = client.get("/statystyki/").content.decode()
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert not re.search(r'(x|y|width|height)="\d+,\d', svg)


def test_the_page_summary_agrees_with_the_separate_counts(catalogue):
    """The statistics page takes everything from one grouped query; it must say the same as
    the single-purpose aggregations."""
    table, by_voivodeship = stats.statistics_summary()
    separate = stats.counts_by_tool_and_year()
    assert (table.years, table.rows, table.year_totals, table.total) == (
        separate.years, separate.rows, separate.year_totals, separate.total
    )
    assert by_voivodeship == stats.counts_by_voivodeship()
    assert stats.growth_by_year(table=table) == stats.growth_by_year()
    assert table.samples == stats.sample_count() == 1
