"""oEmbed (/oembed/): a `rich` answer whose iframe embeds the map with the filters the given
URL implies; maxwidth/maxheight honoured; unknown URLs 404, other formats 501; every
embeddable page links to it (discovery)."""
import html as html_lib
import re
from urllib.parse import quote

import pytest
from django.contrib.gis.geos import Point

from practices.models import Status
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def world():
    gmina = make_municipality("2061011", "Białystok", 23.1, 53.1)
    make_practice(gmina, "budzet-obywatelski", 2020, slug="bo-2020", title="Budżet 2020",
                  location=Point(23.12346, 53.16789, srid=4326))
    make_practice(gmina, "referendum", 2021, slug="draft-ref", status=Status.DRAFT)


def oembed(client, url, **params):
    return client.get("/oembed/", {"url": url, **params})


def iframe(src, width, height, title):
    return (
        f'<iframe src="{src}" title="{title}" '
        f'style="border:0;width:100%;max-width:{width}px;height:{height}px" '
        'loading="lazy" allowfullscreen></iframe>'
    )


def expected(title, src, width, height, frame_title):
    return {
        "version": "1.0", "type": "rich", "title": title,
        "provider_name": "Mapa Partycypacji", "provider_url": "http://testserver/",
        "html": iframe(src, width, height, frame_title), "width": width, "height": height,
    }


MAP_FRAME = "Participation Map: local participation cases on a map"


def test_a_map_url_embeds_the_map_with_its_filters_and_view(client):
    url = ("http://testserver/en/?tool=budzet-obywatelski,referendum&year_from=2019"
           "&view=choropleth&lat=53.5&lon=22.9&zoom=9&utm_source=newsletter")
    response = oembed(client, url, format="json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == expected(
        "Participation Map",
        "http://testserver/embed/?tool=budzet-obywatelski,referendum&amp;year_from=2019"
        "&amp;view=choropleth&amp;lat=53.5&amp;lon=22.9&amp;zoom=9&amp;lang=en",
        800, 600, MAP_FRAME,
    )


def test_a_repeated_tool_survives_the_round_trip_and_invalid_filters_are_dropped(client):
    url = ("http://testserver/?tool=budzet-obywatelski&tool=referendum&year=20x1"
           "&municipality=2061011&county=12")
    src = oembed(client, url).json()["html"].split('"')[1]
    assert src == ("http://testserver/embed/?tool=budzet-obywatelski,referendum"
                   "&amp;municipality=2061011")


def test_an_embed_url_keeps_its_options(client):
    response = oembed(
        client, "http://testserver/embed/?municipality=2061011&list=1&controls=0&lang=en"
    )
    assert response.json()["html"] == iframe(
        "http://testserver/embed/?municipality=2061011&amp;list=1&amp;controls=0&amp;lang=en",
        800, 600,
        MAP_FRAME,
    )


def test_a_gmina_url_embeds_the_map_of_that_gmina(client):
    response = oembed(client, "http://testserver/en/municipalities/2061011/")
    assert response.json() == expected(
        "Participation in Białystok", "http://testserver/embed/?municipality=2061011&amp;lang=en",
        640, 480, "Participation Map: Participation in Białystok",
    )


def test_a_case_url_embeds_its_gmina_centred_on_the_case(client):
    response = oembed(client, "http://testserver/en/practices/bo-2020/")
    assert response.json() == expected(
        "Budżet 2020",
        "http://testserver/embed/?municipality=2061011&amp;lat=53.1679&amp;lon=23.1235"
        "&amp;zoom=12&amp;lang=en",
        640, 480, "Participation Map: Budżet 2020",
    )


@pytest.mark.parametrize("params, size", [
    ({"maxwidth": "500"}, (500, 600)),
    ({"maxheight": "300"}, (800, 300)),
    ({"maxwidth": "320", "maxheight": "240"}, (320, 240)),
    ({"maxwidth": "1200", "maxheight": "900"}, (800, 600)),
])
def test_it_fits_within_maxwidth_and_maxheight(client, params, size):
    answer = oembed(client, "http://testserver/", **params).json()
    assert (answer["width"], answer["height"]) == size
    assert f'width:100%;max-width:{size[0]}px;height:{size[1]}px"' in answer["html"]


@pytest.mark.parametrize("url", [
    "http://testserver/api/practices/",
    "http://testserver/no-such-page/",
    "http://testserver/en/practices/draft-ref/",
    "http://testserver/en/practices/no-such-case/",
    "http://testserver/gminy/9999999/",
    "http://elsewhere.example/",
    "ftp://testserver/",
    "not a url",
])
def test_urls_that_are_not_embeddable_pages_here_are_not_found(client, url):
    response = oembed(client, url)
    assert response.status_code == 404
    assert list(response.json()["errors"]) == ["url"]


def test_formats_other_than_json_are_not_implemented(client):
    response = oembed(client, "http://testserver/", format="xml")
    assert response.status_code == 501
    assert list(response.json()["errors"]) == ["format"]


@pytest.mark.parametrize("params, field", [
    ({}, "url"),
    ({"url": "http://testserver/", "maxwidth": "wide"}, "maxwidth"),
    ({"url": "http://testserver/", "maxheight": "0"}, "maxheight"),
    ({"url": "http://testserver/", "maxheight": "-5"}, "maxheight"),
])
def test_bad_parameters_are_refused_naming_them(client, params, field):
    response = client.get("/oembed/", params)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


@pytest.mark.parametrize("path", [
    "/", "/en/?tool=referendum", "/embed/?lang=en", "/gminy/2061011/", "/en/practices/bo-2020/",
])
def test_every_embeddable_page_links_to_a_working_oembed_answer(client, path):
    page = client.get(path).content.decode()
    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"',
                     page)
    href = html_lib.unescape(link.group(1))
    assert href == f"http://testserver/oembed/?url={quote('http://testserver' + path, safe='')}" \
                   "&format=json"
    answer = client.get(href.removeprefix("http://testserver"))
    assert answer.status_code == 200
    assert answer.json()["type"] == "rich"
