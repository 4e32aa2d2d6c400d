"""The map page (/, /en/): the data its scripts start from, its language, its discovery
link, and that anonymous visitors get no cookie (shared caches can keep the page)."""
import json
import re

import pytest
from django.conf import settings

from practices.domain.tools import TOOLS
from practices.models import Status
from practices.pages.inline_assets import inline_text
from tests.factories import make_county, make_municipality, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    make_county("2061", "Białystok").__class__.objects.filter(teryt="2061").update(
        kind="miasto na prawach powiatu"
    )
    bialystok = make_municipality("2061011", "Białystok", 23.1, 53.1)
    make_county("2807", "ełcki")
    elk = make_municipality("2807011", "Ełk", 22.3, 53.8)
    make_practice(bialystok, "budzet-obywatelski", 2016, slug="bo-2016")
    make_practice(elk, "referendum", 2023, slug="ref-2023")
    make_practice(elk, "referendum", 1995, slug="draft-1995", status=Status.DRAFT)


def script_json(html, element_id):
    match = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', html,
                      re.S)
    return json.loads(match.group(1))


def test_it_gives_the_scripts_tools_years_places_and_links(client, world):
    data = script_json(client.get("/en/").content.decode(), "map-data")
    assert data == {
        "embed": False,
        "early": [],
        "tilesFirst": False,
        "lang": "en",
        "config": {
            "center": settings.MAPA_MAP_CENTER, "zoom": settings.MAPA_MAP_ZOOM,
            "tileUrl": settings.MAPA_TILE_URL, "tileAttribution": settings.MAPA_TILE_ATTRIBUTION,
            "maxZoom": settings.MAPA_TILE_MAX_ZOOM,
            "region": ["20", "28"],
            # The whole region (Białystok's and Ełk's squares), fitted to the map's size.
            "initialBounds": [[53.1, 22.3], [53.9, 23.2]],
            "regionBounds": [[53.1, 22.3], [53.9, 23.2]],
        },
        "tools": [
            {"slug": tool["slug"], "name": tool["name_en"], "color": tool["color"],
             "icon": tool["icon"]}
            for tool in TOOLS
        ],
        # Only published cases count: the draft of 1995 does not stretch the slider.
        "years": {"min": 2016, "max": 2023},
        "places": {
            "voivodeships": [["20", "podlaskie voivodeship"],
                             ["28", "warmińsko-mazurskie voivodeship"]],
            "counties": [["2061", "Białystok (city with county rights)"],
                         ["2807", "ełcki county"]],
            "gminy": [["2061011", "Białystok", "1"], ["2807011", "Ełk", "1"]],
            "types": {"1": "urban gmina", "urban": "urban gmina",
                      "2": "rural gmina", "rural": "rural gmina",
                      "3": "urban-rural gmina", "urban-rural": "urban-rural gmina"},
            # The gminy of the region in view only: a search elsewhere asks urls.places.
            "complete": False,
        },
        # The server's limits: the script checks an address as the API will.
        "limits": {"yearMin": 1990, "yearMax": 2100, "qMaxLength": 200, "qMaxWords": 10,
                   "pageSize": 100, "views": ["markers", "choropleth"],
                   "tilesThreshold": 20000},
        "requests": {"choroplethBy": "municipality,tool", "facetsBy": "tool",
                     "listSort": "-year"},
        "urls": {
            "places": "/en/places.json",
            "points": "/api/points/",
            "tiles": "/tiles/practices/0/0/0.mvt",
            "point": "/api/points/0/",
            "practices": "/api/practices/",
            "stats": "/api/stats/",
            "municipalities": "/api/municipalities/",
            "map": "/en/",
            "case": "/en/practices/__slug__/",
            "gmina": "/en/municipalities/0000000/",
            "embedAbsolute": "http://testserver/embed/",
        },
    }


def test_the_english_page_names_tools_and_links_pages_in_english(client, world):
    html = client.get("/en/").content.decode()
    data = script_json(html, "map-data")
    strings = script_json(html, "map-strings")
    assert '<html lang="en">' in html
    assert data["lang"] == "en"
    assert data["tools"][1]["name"] == "Participatory budget"
    assert data["urls"]["case"] == "/en/practices/__slug__/"
    assert strings["noCases"] == "No cases match these filters."
    assert 'value="budzet-obywatelski"' in html and "Participatory budget" in html


def test_counts_come_with_a_form_for_each_plural_category(client, world):
    strings = script_json(client.get("/en/").content.decode(), "map-strings")
    assert strings["caseCount"] == {
        "one": "%(count)s case", "few": "%(count)s cases",
        "many": "%(count)s cases", "other": "%(count)s cases",
    }


def test_a_place_filter_in_the_address_opens_the_map_on_that_place(client, world):
    data = script_json(client.get("/?municipality=2807011").content.decode(), "map-data")
    assert data["config"]["initialBounds"] == [[53.8, 22.3], [53.9, 22.4]]


@pytest.mark.parametrize("path", ["/", "/en/", "/?tool=referendum&year_from=2020"])
def test_anonymous_visitors_get_no_cookie(client, world, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies


def test_the_page_announces_its_oembed_endpoint_with_its_own_address(client, world):
    html = client.get("/?tool=referendum").content.decode()
    assert (
        '<link rel="alternate" type="application/json+oembed" '
        'href="http://testserver/oembed/?url=http%3A%2F%2Ftestserver%2F%3Ftool%3Dreferendum'
        '&amp;format=json"'
    ) in html


def preloads(html):
    return re.findall(r'<link rel="preload" as="fetch" href="([^"]+)" crossorigin>', html)


def first_requests(html):
    """(the URLs whose answers the page carries, the URLs it preloads)."""
    preloaded = [url.replace("&amp;", "&") for url in preloads(html)]
    return sorted(script_json(html, "map-answers")), preloaded


@pytest.mark.parametrize("query, carried, preloaded", [
    ("", ["/api/points/", "/api/stats/?by=tool"], []),
    ("?tool=referendum&view=choropleth&lat=53.1&lon=23.1&zoom=9",
     # Without a place, counted in the region drawn only.
     ["/api/stats/?tool=referendum&voivodeship=20,28&by=municipality,tool"],
     ["/api/municipalities/?voivodeship=20,28"]),
    ("?year=2020", ["/api/points/?year_from=2020&year_to=2020",
                    "/api/stats/?year_from=2020&year_to=2020&by=tool"], []),
    ("?municipality=2061011&tool=referendum&tool=budzet-obywatelski&view=choropleth",
     ["/api/stats/?tool=referendum,budzet-obywatelski&municipality=2061011"
      "&by=municipality,tool"],
     ["/api/municipalities/?voivodeship=20"]),
    ("?municipality=2061011&tool=referendum&tool=budzet-obywatelski",
     ["/api/points/?tool=referendum,budzet-obywatelski&municipality=2061011",
      "/api/stats/?municipality=2061011&by=tool"], []),
    ("?q=park+miejski", ["/api/points/?q=park+miejski", "/api/stats/?q=park+miejski&by=tool"], []),
    # An invalid address: the script drops what is invalid and asks for something else.
    ("?tool=nope", [], []),
    ("?view=satellite", [], []),
    ("?year_from=20x1", [], []),
])
def test_the_first_requests_are_answered_or_preloaded_as_the_script_will_make_them(
        client, world, query, carried, preloaded):
    assert first_requests(client.get("/" + query).content.decode()) == (carried, preloaded)
    data = script_json(client.get("/" + query).content.decode(), "map-data")
    assert data["early"] == preloaded


@pytest.mark.parametrize("query", [
    "/en/", "/?view=choropleth", "/?tool=referendum", "/?year=2023&municipality=2807011",
    "/?q=park",
])
def test_the_answers_in_the_page_are_the_apis_answers(client, world, query):
    html = client.get(query).content.decode()
    answers = script_json(html, "map-answers")
    assert answers
    for url, answer in answers.items():
        assert answer == client.get(url).json(), url


def test_answers_in_the_page_cannot_end_its_script_element(client, world):
    # A note in the page's language could hold any text: <, > and & are escaped in the page.
    from practices.models import Practice
    Practice.objects.update(is_sample=True)
    html = client.get("/en/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    text = re.search(r'<script id="map-answers" type="application/json">(.*?)</script>', html,
                     re.S).group(1)
    assert not re.search(r"[<>&]", text)
    assert script_json(html, "map-answers")["/api/points/"]["note"]


def test_a_selection_drawn_from_tiles_carries_its_facets_and_no_points(
        client, world, settings):
    # Two published cases, over a threshold of one: the script draws vector tiles.
    settings.MAPA_TILES_THRESHOLD = 1
    html = client.get("/").content.decode()
    assert first_requests(html) == (["/api/stats/?by=tool"], [])
    # The page asks for the view's tiles as soon as the map's size is known, with the
    # selection's query (static/js/map/first-tiles.js, written in after the map's markup).
    assert script_json(html, "map-data")["tilesFirst"] == {"query": ""}
    assert "<script>" + inline_text("build/first-tiles.js") + "</script>" in html
    for query in ("?view=choropleth", "?tool=referendum"):
        other = client.get("/" + query).content.decode()
        assert script_json(other, "map-data")["tilesFirst"] is False
        assert inline_text("build/first-tiles.js") not in other
    assert script_json(client.get("/?year_from=2000").content.decode(), "map-data")[
        "tilesFirst"] == {"query": "?year_from=2000"}


def test_a_new_threshold_counts_at_once_for_a_selection_seen_before(client, world, settings):
    # The page's answers are kept until the data change; the threshold they were decided by
    # is part of their key, so a deployment that raises it gets markers again at once.
    settings.MAPA_TILES_THRESHOLD = 1
    assert script_json(client.get("/").content.decode(), "map-data")["tilesFirst"]
    settings.MAPA_TILES_THRESHOLD = 2
    html = client.get("/").content.decode()
    assert script_json(html, "map-data")["tilesFirst"] is False
    assert first_requests(html) == (["/api/points/", "/api/stats/?by=tool"], [])


def test_a_tool_filter_under_the_threshold_carries_its_points(client, world, settings):
    # Of the two published cases one is a referendum: under a threshold of one, as the
    # script counts it from the facets (the tools' counts), it is drawn from points.
    settings.MAPA_TILES_THRESHOLD = 1
    assert first_requests(client.get("/?tool=referendum").content.decode()) == (
        ["/api/points/?tool=referendum", "/api/stats/?by=tool"], [])


def test_the_page_links_nothing_it_wrote_in(client, world):
    # Its styles and scripts are written into the HTML (test_map_script_is_one_bundle.py):
    # no Link header names them for the browser to fetch.
    for path in ("/en/", "/embed/"):
        response = client.get(path)
        assert "Link" not in response
        html = response.content.decode()
        assert not re.findall(r'<link rel="stylesheet"|<script[^>]* src=', html)


def test_the_page_reads_its_tools_places_and_years_from_the_cache(
        client, world, django_assert_max_num_queries):
    client.get("/en/?municipality=2807011")
    # What is left: the data version the cache keys carry (and the tool filter's check).
    with django_assert_max_num_queries(3):
        client.get("/en/?municipality=2807011")
