"""Tool pages: what the tool is, its legal basis, its published cases per year (chart and
table) and the latest cases; the tools index with counts."""
import re

import pytest

from practices.models import Status
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def budgets():
    gmina = make_municipality()
    for year in (2021, 2021, 2023):
        make_practice(gmina, "budzet-obywatelski", year)
    make_practice(gmina, "budzet-obywatelski", 2022, status=Status.SUBMITTED)
    make_practice(gmina, "budzet-obywatelski", 2019, status=Status.ARCHIVED)
    make_practice(gmina, "konsultacje", 2022)


def table_rows(html, caption):
    table = html[html.index(caption):]
    table = table[:table.index("</table>")]
    return re.findall(r'<th scope="row">([^<]+)</th><td class="num">([^<]+)</td>', table)


def test_it_explains_the_tool_and_its_legal_basis(client):
    html = client.get("/en/tools/budzet-obywatelski/").content.decode()
    assert "<h1>Participatory budget</h1>" in html
    assert "Each year residents propose projects" in html
    assert "<dt>Legal basis</dt><dd>art. 5a ust. 3–7 ustawy o samorządzie gminnym</dd>" in html


def test_it_counts_published_cases_per_year_without_gaps(client, budgets):
    html = client.get("/en/tools/budzet-obywatelski/").content.decode()
    assert table_rows(html, "Published cases of Participatory budget per year") == [
        ("2021", "2"), ("2022", "0"), ("2023", "1"),
    ]
    assert "<dt>Published cases</dt><dd>3</dd>" in html
    assert '<svg class="chart-svg"' in html


def test_the_latest_cases_are_published_ones_of_this_tool(client):
    gmina = make_municipality()
    make_practice(gmina, "budzet-obywatelski", 2024, title="Newest budget")
    make_practice(gmina, "budzet-obywatelski", 2020, title="Older budget")
    make_practice(gmina, "budzet-obywatelski", 2025, title="Draft budget", status=Status.DRAFT)
    make_practice(gmina, "konsultacje", 2025, title="A consultation")
    html = client.get("/en/tools/budzet-obywatelski/").content.decode()
    recent = html[html.index('id="h-recent"'):]
    assert recent.index("Newest budget") < recent.index("Older budget")
    assert "Draft budget" not in html and "A consultation" not in html


def test_the_tool_map_reads_this_tools_cases(client):
    html = client.get("/en/tools/referendum/").content.decode()
    assert '"dataUrl": "/api/practices/?tool=referendum"' in html


def test_the_polish_page_lives_under_narzedzia_and_uses_the_polish_name(client):
    html = client.get("/narzedzia/budzet-obywatelski/").content.decode()
    assert "<h1>Budżet obywatelski</h1>" in html


def test_an_unknown_tool_is_not_found(client):
    assert client.get("/narzedzia/no-such-tool/").status_code == 404


def test_the_index_lists_every_tool_with_its_published_count(client, budgets):
    html = client.get("/en/tools/").content.decode()
    assert len(re.findall(r'<li class="tool-card">', html)) == 10
    assert re.search(r'href="/en/tools/budzet-obywatelski/">Participatory budget</a></h2>'
                     r'\s*<p>[^<]*</p>\s*<p class="meta">3 published cases', html)
    assert re.search(r'href="/en/tools/konsultacje/">Public consultations</a></h2>'
                     r'\s*<p>[^<]*</p>\s*<p class="meta">1 published case ', html)
