"""/api/practices/ is an RFC 7946 FeatureCollection whose features carry exactly the
documented properties; samples are marked."""
import re

from django.urls import reverse
from django.utils import translation

from tests.practices.api.conftest import slugs


def page_url(slug):
    with translation.override("pl"):
        return reverse("practice-detail", kwargs={"slug": slug})


def test_a_feature_has_exactly_the_documented_members(api, world):
    case = world["cases"]["konsultacje-bialystok-2020"]
    collection = api.json("/api/practices/", {"municipality": "2061011", "tool": "konsultacje"})
    assert collection == {
        "type": "FeatureCollection",
        "features": [{
            "type": "Feature",
            "id": case.pk,
            "geometry": {"type": "Point", "coordinates": [23.12, 53.12]},
            "properties": {
                "slug": "konsultacje-bialystok-2020",
                "title": "Konsultacje parku Zwierzynieckiego",
                "tool": "konsultacje",
                "year": 2020,
                "municipality": "2061011",
                "municipality_name": "Białystok",
                "url": page_url("konsultacje-bialystok-2020"),
                "is_sample": False,
            },
        }],
    }


def test_the_url_points_at_the_polish_case_page_whatever_the_request_language(api, world):
    collection = api.json("/api/practices/", {"municipality": "2807011"}, HTTP_ACCEPT_LANGUAGE="en")
    urls = {feature["properties"]["url"] for feature in collection["features"]}
    assert urls == {page_url("bo-elk-2020"), page_url("referendum-elk-2018")}
    assert all(not url.startswith("/en/") for url in urls)


def test_a_case_without_its_own_location_sits_at_its_gminas_point(api, world):
    collection = api.json("/api/practices/", {"tool": "panel-obywatelski"})
    assert collection["features"][0]["geometry"] == {
        "type": "Point", "coordinates": [21.05, 52.25],
    }


def test_coordinates_are_longitude_then_latitude_with_no_crs_member(api, world):
    response = api.get("/api/practices/")
    text = api.body(response).decode()
    collection = __import__("json").loads(text)
    assert "crs" not in collection
    assert '"crs"' not in text
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        # Poland: longitudes 14–24.2, latitudes 49–55 (the other order would be swapped).
        assert 14 <= lon <= 24.2 and 49 <= lat <= 55


def test_coordinates_have_at_most_six_decimals(api, world):
    case = world["cases"]["referendum-elk-2018"]
    from django.contrib.gis.geos import Point

    case.location = Point(22.312345678, 53.812345678, srid=4326)
    case.save()
    text = api.body(api.get("/api/practices/", {"municipality": "2807011", "year": "2018"}))
    assert b"[22.312346,53.812346]" in text
    assert not re.search(rb"\d\.\d{7,}", text)


def test_the_content_type_is_geojson(api, world):
    assert api.get("/api/practices/")["Content-Type"] == "application/geo+json"


def test_a_collection_with_samples_says_so_and_marks_them(api, world):
    collection = api.json("/api/practices/", {"tool": "budzet-obywatelski"})
    assert "sample" in collection["note"]
    flags = {f["properties"]["slug"]: f["properties"]["is_sample"] for f in collection["features"]}
    assert flags == {"bo-bialystok-2019": False, "bo-bialystok-2020": False, "bo-elk-2020": True}


def test_a_collection_without_samples_has_no_note(api, world):
    collection = api.json("/api/practices/", {"municipality": "2061011"})
    assert "note" not in collection


def test_an_empty_selection_is_an_empty_collection(api, world):
    assert api.json("/api/practices/", {"year": "1995"}) == {
        "type": "FeatureCollection", "features": [],
    }


def test_a_title_with_quotes_and_backslashes_stays_valid_json(api, world):
    case = world["cases"]["panel-warszawa-2022"]
    case.title = 'Panel "klimat" \\ 2022 \u2014 ok'
    case.save()
    collection = api.json("/api/practices/", {"tool": "panel-obywatelski"})
    assert collection["features"][0]["properties"]["title"] == case.title
    assert slugs(collection) == ["panel-warszawa-2022"]
