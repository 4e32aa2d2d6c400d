"""The gmina page: its register facts, its published cases grouped by tool and year, the
timeline of editions and its neighbours (gminy whose boundaries touch)."""
import re

import pytest

from practices.models import Status
from practices.pages.gminy import neighbours_of
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def row():
    """Four square gminy 0.1° wide: A, then B touching it on the east, then C touching B,
    and D further east touching nobody; E sits on A's north-east corner."""
    return {
        "A": make_municipality("2002012", "Alfa", lon=22.0, lat=53.0),
        "B": make_municipality("2002022", "Beta", lon=22.1, lat=53.0),
        "C": make_municipality("2002032", "Gamma", lon=22.2, lat=53.0),
        "D": make_municipality("2002042", "Delta", lon=22.5, lat=53.0),
        "E": make_municipality("2002052", "Epsilon", lon=22.1, lat=53.1),
    }


def names(municipalities):
    return [municipality.name for municipality in municipalities]


@pytest.mark.parametrize("gmina, expected", [
    ("A", ["Beta", "Epsilon"]),
    ("B", ["Alfa", "Epsilon", "Gamma"]),
    ("D", []),
])
def test_neighbours_are_the_gminy_whose_boundaries_touch(row, gmina, expected):
    assert names(neighbours_of(row[gmina].teryt)) == expected


def test_neighbours_take_one_query(row, django_assert_num_queries):
    with django_assert_num_queries(1):
        list(neighbours_of(row["B"].teryt))


def test_the_page_lists_the_neighbours_as_links(client, row):
    html = client.get("/en/municipalities/2002022/").content.decode()
    assert '<a href="/en/municipalities/2002012/">Alfa</a>' in html
    assert '<a href="/en/municipalities/2002032/">Gamma</a>' in html
    assert "Delta" not in html


def test_the_page_shows_the_register_facts(client):
    make_municipality("2061011", "Białystok")
    html = client.get("/en/municipalities/2061011/").content.decode()
    assert "<h1>Białystok</h1>" in html
    for label, value in [("TERYT code", "2061011"), ("Type", "urban gmina"),
                         ("County", "powiat 2061"), ("Voivodeship", "podlaskie")]:
        assert f"<dt>{label}</dt><dd>{value}</dd>" in html
    assert re.search(r"<dt>Area</dt><dd>\d+\.\d km²</dd>", html)


def test_cases_are_grouped_by_tool_then_year_and_only_published_ones_count(client):
    gmina = make_municipality("2061011", "Białystok")
    make_practice(gmina, "budzet-obywatelski", 2023, title="BO 2023")
    make_practice(gmina, "budzet-obywatelski", 2021, title="BO 2021")
    make_practice(gmina, "konsultacje", 2023, title="Consultation on the park")
    make_practice(gmina, "referendum", 2022, title="Draft referendum", status=Status.DRAFT)
    make_practice(make_municipality("2061021", "Other"), "referendum", 2022, title="Elsewhere")
    html = client.get("/en/municipalities/2061011/").content.decode()
    cases = html[html.index('id="h-cases"'):]
    order = [cases.index(text) for text in (
        "Public consultations", "Consultation on the park",
        "Participatory budget", "BO 2023", "BO 2021",
    )]
    assert order == sorted(order)
    assert "Draft referendum" not in html and "Elsewhere" not in html
    assert "3 published cases of local participation." in html


def test_the_timeline_counts_editions_per_tool_and_year_with_gaps(client):
    gmina = make_municipality("2061011", "Białystok")
    for year in (2021, 2023, 2023):
        make_practice(gmina, "budzet-obywatelski", year)
    html = client.get("/en/municipalities/2061011/").content.decode()
    timeline = html[html.index('class="timeline"'):html.index("</table>")]
    assert re.findall(r"<th scope=\"col\">(\d{4})</th>", timeline) == ["2021", "2022", "2023"]
    cells = re.findall(r'<td class="(has|no)-editions">([^<]*)', timeline)
    assert cells == [("has", "1"), ("no", ""), ("has", "2")]


def test_a_sample_case_is_marked_on_the_gmina_page(client):
    gmina = make_municipality()
    make_practice(gmina, is_sample=True)
    html = client.get("/en/municipalities/2061011/").content.decode()
    assert "One case shown here is sample data" in html


@pytest.mark.parametrize("teryt", ["2061099", "abc", "2061014", "20610111"])
def test_an_unknown_or_malformed_teryt_is_not_found(client, teryt):
    make_municipality("2061011")
    assert client.get(f"/gminy/{teryt}/").status_code == 404


def test_the_polish_page_lives_under_gminy(client):
    make_municipality("2061011", "Białystok")
    assert client.get("/gminy/2061011/").status_code == 200
