"""The printable gmina fact sheet: the gmina's published cases by tool and year, drawn on its
outline, and its place in the participation ranking; in Polish and English."""
import re

import pytest
from django.utils import timezone

from practices.models import Status
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def gmina():
    return make_municipality("2061011", "Białystok", lon=23.1, lat=53.1)


@pytest.fixture
def other():
    return make_municipality("2807011", "Ełk", lon=22.3, lat=53.8)


def this_year():
    return timezone.localdate().year


def test_the_sheet_counts_the_published_cases_by_tool_and_year(client, gmina):
    year = this_year()
    make_practice(gmina, "budzet-obywatelski", year - 1)
    make_practice(gmina, "budzet-obywatelski", year)
    make_practice(gmina, "konsultacje", year)
    make_practice(gmina, "konsultacje", year, status=Status.DRAFT, title="Szkic ukryty")
    page = client.get("/en/municipalities/2061011/print/").content.decode()
    assert "3 published cases by tool and year" in page
    rows = re.findall(r'<tr><th scope="row">.*?</tr>', page, re.S)
    cells = [re.findall(r"<td>(\d*)</td>", row) for row in rows]
    assert cells == [["", "1", "1"], ["1", "1", "2"]]  # konsultacje, then BO (tools' order)
    assert "Szkic ukryty" not in page


def test_the_outline_carries_one_dot_per_case(client, gmina):
    make_practice(gmina, "budzet-obywatelski", this_year(), title="Pierwszy")
    make_practice(gmina, "referendum", this_year(), title="Drugi")
    page = client.get("/gminy/2061011/druk/").content.decode()
    assert page.count("<circle ") == 2
    assert re.search(r'<path class="sheet-outline" d="M[\d. L]+Z', page)
    assert "<title>Pierwszy</title>" in page


def test_the_sheet_gives_the_gminas_place_in_the_ranking(client, gmina, other):
    year = this_year()
    for tool in ("budzet-obywatelski", "konsultacje", "referendum"):
        make_practice(gmina, tool, year)
    make_practice(other, "konsultacje", year)
    page = client.get("/en/municipalities/2807011/print/").content.decode()
    assert f"Place 2 of 2 gminy with cases in {year - 4}–{year}." in page


def test_a_gmina_without_recent_cases_is_said_to_be_unranked(client, gmina):
    page = client.get("/en/municipalities/2061011/print/").content.decode()
    assert "the gmina is not in the ranking" in page
    assert "No published cases yet." in page


def test_samples_are_named_as_such(client, gmina):
    make_practice(gmina, "budzet-obywatelski", this_year(), is_sample=True)
    page = client.get("/gminy/2061011/druk/").content.decode()
    assert "to przykładowy rekord wymyślony na potrzeby demonstracji" in page


def test_the_gmina_page_links_to_its_sheet(client, gmina):
    page = client.get("/gminy/2061011/").content.decode()
    assert 'href="/gminy/2061011/druk/"' in page


@pytest.mark.parametrize("path", ["/gminy/2061012/druk/", "/gminy/206101/druk/",
                                  "/gminy/2061014/druk/", "/gminy/²⁰⁶¹⁰¹¹/druk/"])
def test_what_is_not_a_known_gmina_is_not_found(client, gmina, path):
    assert client.get(path).status_code == 404
