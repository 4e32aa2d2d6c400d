"""The map page carries the place names of the region it shows, not all 2,477 gminy; the
whole country's names come from /places.json when a visitor searches elsewhere."""
import json
import re

import pytest

from tests.factories import make_county, make_municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def country():
    make_municipality("2061011", "Białystok", 23.1, 53.1)
    make_county("2807", "ełcki")
    make_municipality("2807011", "Ełk", 22.3, 53.8)
    make_county("1465", "Warszawa")
    make_municipality("1465011", "Warszawa", 21.0, 52.2)


def places_of(html):
    match = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))["places"]


def test_the_page_lists_the_gminy_of_the_default_region_only(client, country):
    places = places_of(client.get("/en/").content.decode())
    assert places["gminy"] == [["2061011", "Białystok", "1"], ["2807011", "Ełk", "1"]]
    assert [code for code, _label in places["counties"]] == ["2061", "2807"]
    # Every voivodeship with gminy, so that any voivodeship filter has its name.
    assert [code for code, _label in places["voivodeships"]] == ["14", "20", "28"]
    assert places["complete"] is False


@pytest.mark.parametrize("path", ["/en/?municipality=1465011", "/embed/?voivodeship=14&lang=en"])
def test_a_page_filtered_elsewhere_lists_the_gminy_of_that_place(client, country, path):
    places = places_of(client.get(path).content.decode())
    assert places["gminy"] == [["1465011", "Warszawa", "1"]]
    assert places["counties"] == [["1465", "Warszawa county"]]


def test_the_national_list_has_every_gmina_and_is_revalidated(client, country):
    response = client.get("/en/places.json")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, no-cache"
    assert response.json() == {
        "voivodeships": [["14", "mazowieckie voivodeship"], ["20", "podlaskie voivodeship"],
                         ["28", "warmińsko-mazurskie voivodeship"]],
        "counties": [["1465", "Warszawa county"], ["2061", "powiat 2061 county"],
                     ["2807", "ełcki county"]],
        "gminy": [["1465011", "Warszawa", "1"], ["2061011", "Białystok", "1"],
                  ["2807011", "Ełk", "1"]],
        "types": {"1": "urban gmina", "urban": "urban gmina",
                  "2": "rural gmina", "rural": "rural gmina",
                  "3": "urban-rural gmina", "urban-rural": "urban-rural gmina"},
        "complete": True,
    }
    again = client.get("/en/places.json", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_the_polish_list_names_units_in_polish(client, country):
    places = client.get("/places.json").json()
    assert places["voivodeships"][0] == ["14", "województwo mazowieckie"]
