"""The embeddable map (/embed/): the map alone with an attribution link, language from
?lang= (never from the browser), list and controls switches, no cookie."""
import json
import re

import pytest

from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    bialystok = make_municipality("2061011", "Białystok", 23.1, 53.1)
    elk = make_municipality("2807011", "Ełk", 22.3, 53.8)
    make_practice(bialystok, "budzet-obywatelski", 2020, slug="bo-2020")
    make_practice(elk, "referendum", 2021, slug="ref-2021")


def map_data(html):
    match = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_it_shows_the_map_without_the_site_frame(client, world):
    html = client.get("/embed/").content.decode()
    assert 'id="map"' in html
    assert 'class="site-header"' not in html and "<footer" not in html
    assert 'id="embed-dialog"' not in html
    assert map_data(html)["embed"] is True


def test_its_attribution_opens_the_full_map_in_a_new_tab(client, world):
    html = client.get("/embed/?lang=en").content.decode()
    assert re.search(
        r'<a class="map-attribution-link" data-map-link href="/en/" target="_blank" '
        r'rel="noopener">Mapa Partycypacji</a>', html
    )


@pytest.mark.parametrize("accept_language", ["", "en"])
def test_it_speaks_polish_unless_the_url_asks_otherwise(client, world, accept_language):
    response = client.get("/embed/", HTTP_ACCEPT_LANGUAGE=accept_language)
    html = response.content.decode()
    assert '<html lang="pl">' in html
    assert response["Content-Language"] == "pl"
    assert map_data(html)["tools"][1]["name"] == "Budżet obywatelski"
    assert map_data(html)["urls"]["case"] == "/praktyki/__slug__/"


def test_lang_en_renders_english_with_english_links(client, world):
    response = client.get("/embed/?lang=en")
    html = response.content.decode()
    data = map_data(html)
    assert '<html lang="en">' in html and response["Content-Language"] == "en"
    assert data["lang"] == "en" and data["langRefused"] == ""
    assert data["tools"][1]["name"] == "Participatory budget"
    assert data["urls"]["case"] == "/en/practices/__slug__/"


def test_an_unknown_language_falls_back_to_polish_and_is_reported(client, world):
    data = map_data(client.get("/embed/?lang=xx").content.decode())
    assert data["lang"] == "pl"
    assert data["langRefused"] == "xx"


@pytest.mark.parametrize("query, classes", [
    ("", "map-app map-app--embed"),
    ("?list=1", "map-app map-app--embed show-list"),
    ("?controls=0", "map-app map-app--embed no-controls"),
    ("?list=1&controls=0", "map-app map-app--embed show-list no-controls"),
])
def test_list_and_controls_switch_parts_on_and_off(client, world, query, classes):
    html = client.get(f"/embed/{query}").content.decode()
    assert f'id="map-app" class="{classes}"' in html


def test_without_a_place_it_opens_on_the_whole_default_region(client, world):
    bounds = map_data(client.get("/embed/").content.decode())["config"]["initialBounds"]
    assert bounds == [[53.1, 22.3], [53.9, 23.2]]


def test_a_partner_embed_opens_on_its_gmina(client, world):
    bounds = map_data(client.get("/embed/?municipality=2061011&tool=budzet-obywatelski")
                      .content.decode())["config"]["initialBounds"]
    assert bounds == [[53.1, 23.1], [53.2, 23.2]]


def test_it_sets_no_cookie(client, world):
    response = client.get("/embed/?tool=referendum&list=1")
    assert response.status_code == 200
    assert not response.cookies


def test_it_refuses_writes(client, world):
    assert client.post("/embed/").status_code == 405
