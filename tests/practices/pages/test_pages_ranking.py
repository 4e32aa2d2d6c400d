"""The participation ranking: the documented index (docs/participation-index.md), its order
and shared places, filters by voivodeship and gmina type, and the CSV and JSON exports."""
import csv
import io

import pytest
from django.utils import timezone

from geodata.models import Municipality
from practices.models import Status
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


@pytest.fixture(scope="module")
def contest(django_db_setup, django_db_blocker):
    """The gminy and cases below, made once for the module (its tests only read) in a
    transaction rolled back at its end; each test runs in a savepoint of it."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        make_contest()
        yield
        transaction.set_rollback(True)


def make_contest():
    """Hand-computed (10 tools, a 5-year window ending this year):
    Lipsk      tools 2, years 3, cases 4               -> (20 + 60) / 2      = 40.0
    Barczewo   tools 2, years 2, cases 2, 10,000 voters -> (20 + 40 + 40) / 3 = 33.3
    Czarna     tools 2, years 1, cases 2               -> (20 + 20) / 2      = 20.0
    Dąbrowa    tools 2, years 1, cases 2               -> 20.0 (same place; name order)
    Sokoły     tools 1, years 1, cases 1               -> (10 + 20) / 2      = 15.0
    Old Town   only a case from 6 years ago            -> not ranked"""
    lipsk = make_municipality("2001011", "Lipsk", lon=23.0)
    barczewo = make_municipality("2802012", "Barczewo", lon=20.6, lat=53.8)
    Municipality.objects.filter(pk=barczewo.pk).update(eligible_voters=10_000)
    czarna = make_municipality("2003022", "Czarna", lon=23.2)
    dabrowa = make_municipality("2004033", "Dąbrowa", lon=23.4)
    sokoly = make_municipality("2005042", "Sokoły", lon=23.6)
    old_town = make_municipality("2006011", "Old Town", lon=23.8)
    for year in (YEAR, YEAR - 1, YEAR - 2):
        make_practice(lipsk, "budzet-obywatelski", year)
    make_practice(lipsk, "konsultacje", YEAR)
    make_practice(barczewo, "fundusz-solecki", YEAR, is_sample=True)
    make_practice(barczewo, "budzet-obywatelski", YEAR - 1)
    make_practice(czarna, "inicjatywa-lokalna", YEAR - 1)
    make_practice(czarna, "mlodziezowa-rada", YEAR - 1)
    make_practice(dabrowa, "konsultacje", YEAR)
    make_practice(dabrowa, "budzet-obywatelski", YEAR)
    make_practice(sokoly, "referendum", YEAR - 4)
    make_practice(sokoly, "referendum", YEAR - 5)  # outside the window
    make_practice(sokoly, "konsultacje", YEAR, status=Status.DRAFT)
    make_practice(sokoly, "budzet-obywatelski", YEAR - 1, status=Status.REJECTED)
    make_practice(old_town, "konsultacje", YEAR - 6)


def exported(client, query=""):
    response = client.get("/en/statistics/ranking.csv" + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("\ufeff"), "the CSV starts with a BOM so spreadsheets read UTF-8"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_the_ranking_orders_gminy_by_index_with_shared_places(client, contest):
    rows = exported(client)
    assert [(row["rank"], row["name"], row["index"]) for row in rows] == [
        ("1", "Lipsk", "40.0"),
        ("2", "Barczewo", "33.3"),
        ("3", "Czarna", "20.0"),
        ("3", "Dąbrowa", "20.0"),
        ("5", "Sokoły", "15.0"),
    ]


def test_the_export_has_every_component_and_marks_sample_cases(client, contest):
    barczewo = exported(client)[1]
    assert barczewo == {
        "rank": "2", "teryt": "2802012", "name": "Barczewo", "type": "2",
        "county": "powiat 2802", "voivodeship": "warmińsko-mazurskie", "eligible_voters": "10000",
        "tools_used": "2", "editions": "2", "active_years": "2", "editions_per_10k": "2.0",
        "breadth": "20.0", "regularity": "40.0", "intensity": "40.0", "index": "33.3",
        "sample_cases": "1",
    }
    assert exported(client)[0]["eligible_voters"] == exported(client)[0]["intensity"] == ""


@pytest.mark.parametrize("query, expected", [
    ("?voivodeship=28", ["Barczewo"]),
    ("?type=2", ["Barczewo", "Czarna", "Sokoły"]),
    ("?voivodeship=20&type=1", ["Lipsk"]),
    ("?voivodeship=20,28&type=3", ["Dąbrowa"]),
    ("?voivodeship=&type=", ["Lipsk", "Barczewo", "Czarna", "Dąbrowa", "Sokoły"]),
])
def test_the_ranking_filters_by_voivodeship_and_gmina_type(client, contest, query, expected):
    assert [row["name"] for row in exported(client, query)] == expected


def test_the_json_export_gives_the_window_and_the_same_rows(client, contest):
    data = client.get("/en/statistics/ranking.json?type=2").json()
    assert data["first_year"] == YEAR - 4 and data["last_year"] == YEAR
    assert data["filters"] == {"type": "2"}
    assert data["method"] == "http://testserver/en/statistics/#method"
    assert [(row["rank"], row["teryt"], row["index"]) for row in data["results"]] == [
        (1, "2802012", 33.3), (2, "2003022", 20.0), (3, "2005042", 15.0),
    ]


@pytest.mark.parametrize("query, param", [
    ("?voivodeship=99", "voivodeship"),
    ("?voivodeship=2", "voivodeship"),
    ("?type=4", "type"),
    ("?type=1&type=2", "type"),
    ("?tool=referendum", "tool"),
])
def test_an_export_with_a_bad_filter_answers_400_naming_it(client, contest, query, param):
    response = client.get("/statystyki/ranking.csv" + query)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [param]


def test_an_unknown_export_format_is_not_found(client):
    assert client.get("/statystyki/ranking.xlsx").status_code == 404


def test_the_page_shows_the_ranking_with_its_method_and_export_links(client, contest):
    html = client.get("/en/statistics/?voivodeship=20").content.decode()
    assert "How the index is calculated" in html
    assert 'href="/en/statistics/ranking.csv?voivodeship=20"' in html
    start = html.index('class="ranking"')
    table = html[start:html.index("</table>", start)]
    positions = [table.index(name) for name in ("Lipsk", "Czarna", "Dąbrowa", "Sokoły")]
    assert positions == sorted(positions)
    assert "Barczewo" not in table
    assert '<option value="20" selected>podlaskie</option>' in html


def test_the_page_ignores_a_bad_filter_with_a_visible_note(client, contest):
    response = client.get("/en/statistics/?type=9")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some parameters in the address were ignored:" in html
    assert "<code>type</code>" in html
    table = html[html.index('class="ranking"'):]
    assert "Barczewo" in table and "Lipsk" in table


@pytest.mark.parametrize("query, errors", [
    ("?type=4", {"type": [
        "'4' is not a gmina type: use 1 (urban), 2 (rural) or 3 (urban-rural)."
    ]}),
    ("?type=1&type=2", {"type": ["Give 'type' only once."]}),
    ("?tool=referendum", {"tool": [
        "Unknown parameter 'tool'. Allowed: voivodeship, type."
    ]}),
])
def test_the_export_refuses_bad_filters_with_the_case_filters_messages(client, query, errors):
    response = client.get("/en/statistics/ranking.json" + query)
    assert response.status_code == 400
    assert response.json() == {"errors": errors}
