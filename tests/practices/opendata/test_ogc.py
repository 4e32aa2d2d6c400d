"""OGC API – Features at /ogc/: the documents, items equal to the API's selection, paging,
datetime, bbox and CRS by reference (EPSG:2180 for Polish GIS users), HTML for browsers, and
a 400 naming every bad parameter."""
import json

import pytest

from tests.practices.api.world import FILTER_CASES

PUWG = "http://www.opengis.net/def/crs/EPSG/0/2180"
EPSG4326 = "http://www.opengis.net/def/crs/EPSG/0/4326"
ITEMS = "/ogc/collections/practices/items"


def get_json(api, path, params=None, expect=200, **headers):
    response = api.get(path, params or {}, **headers)
    assert response.status_code == expect, response.content[:300]
    return response, json.loads(response.content)


def ids_of(data):
    return sorted(feature["id"] for feature in data["features"])


def test_the_landing_page_links_the_api_definition_conformance_and_data(api, db):
    _response, landing = get_json(api, "/ogc/")
    rels = {link["rel"]: link for link in landing["links"]}
    assert {"self", "alternate", "service-desc", "service-doc", "conformance", "data"} <= set(rels)
    assert rels["service-desc"]["type"] == "application/vnd.oai.openapi+json;version=3.0"
    _response, api_definition = get_json(api, "/ogc/api")
    assert api_definition["openapi"].startswith("3.0")
    assert "/ogc/collections/{collectionId}/items" in api_definition["paths"]


def test_conformance_declares_core_geojson_html_oas30_and_crs(api, db):
    _response, conformance = get_json(api, "/ogc/conformance")
    assert {uri.rsplit("/", 1)[1] for uri in conformance["conformsTo"]} == {
        "core", "geojson", "html", "oas30", "crs"}


def test_the_collections_offer_their_items_and_systems(api, world):
    _response, collections = get_json(api, "/ogc/collections")
    assert [c["id"] for c in collections["collections"]] == ["practices", "municipalities"]
    practices = collections["collections"][0]
    assert PUWG in practices["crs"] and practices["storageCrs"].endswith("CRS84")
    assert any(link["rel"] == "items" for link in practices["links"])
    assert practices["extent"]["temporal"]["interval"] == [
        ["2018-01-01T00:00:00Z", "2022-12-31T23:59:59Z"]]


@pytest.mark.parametrize(("params", "expected"),
                         [case for case in FILTER_CASES if "bbox" not in case[0]
                          and "year" not in str(case[0])])
def test_items_are_the_apis_selection(api, shared_world, params, expected):
    _response, data = get_json(api, ITEMS, {**params, "limit": 1000})
    assert ids_of(data) == sorted(shared_world["cases"][slug].pk for slug in expected)
    assert data["numberMatched"] == data["numberReturned"] == len(expected)


def test_pages_link_next_and_prev_and_cover_everything(api, world):
    seen, url, pages = [], ITEMS + "?limit=3", 0
    while url:
        _response, data = get_json(api, url.replace("http://testserver", ""))
        seen += [feature["id"] for feature in data["features"]]
        links = {link["rel"]: link["href"] for link in data["links"]}
        assert ("prev" in links) == (pages > 0)
        url, pages = links.get("next"), pages + 1
    assert pages == 3 and sorted(seen) == sorted(set(seen)) and len(seen) == 7


def test_the_count_of_a_selection_follows_each_change_of_the_data(api, world):
    """numberMatched is kept between pages of a selection, and counted again after a change:
    a case hidden, then published again."""
    from practices.models import Practice, Status

    def matched(params=None):
        return get_json(api, ITEMS, {"limit": 2, **(params or {})})[1]["numberMatched"]

    published = Practice.objects.filter(status=Status.PUBLISHED)
    assert matched() == matched({"offset": 2}) == published.count() == 7
    case = published.get(slug="bo-elk-2020")
    Practice.objects.filter(pk=case.pk).update(status=Status.REJECTED)
    case.save(update_fields=["updated_at"])  # as the moderation service touches it
    assert matched() == matched({"offset": 4}) == 6
    assert matched({"tool": "budzet-obywatelski"}) == 2
    Practice.objects.filter(pk=case.pk).update(status=Status.PUBLISHED)
    case.save(update_fields=["updated_at"])
    assert matched({"tool": "budzet-obywatelski"}) == 3
    assert matched() == 7


@pytest.mark.parametrize(("datetime", "slugs"), [
    ("2020", ["bo-bialystok-2020", "bo-elk-2020", "konsultacje-bialystok-2020"]),
    ("2021-06-01T00:00:00Z", ["fundusz-suprasl-2021"]),
    ("../2018", ["referendum-elk-2018"]),
    ("2021/..", ["fundusz-suprasl-2021", "panel-warszawa-2022"]),
    ("2019-01-01/2019-12-31", ["bo-bialystok-2019"]),
])
def test_datetime_is_matched_against_the_years(api, shared_world, datetime, slugs):
    _response, data = get_json(api, ITEMS, {"datetime": datetime})
    assert ids_of(data) == sorted(shared_world["cases"][slug].pk for slug in slugs)


def test_coordinates_come_in_puwg_1992_when_asked(api, world):
    response, data = get_json(api, ITEMS, {"crs": PUWG})
    assert response["Content-Crs"] == f"<{PUWG}>"
    for feature in data["features"]:
        northing, easting = feature["geometry"]["coordinates"]
        assert 120_000 < northing < 800_000 and 140_000 < easting < 900_000
    # Białystok's centre (23.15, 53.15) in EPSG:2180, northing first (PROJ's cs2cs gives
    # easting 777390.47, northing 595234.46).
    case = world["cases"]["bo-bialystok-2019"]
    [feature] = [f for f in data["features"] if f["id"] == case.pk]
    assert feature["geometry"]["coordinates"] == [595234.46, 777390.47]


def test_epsg_4326_writes_latitude_first(api, world):
    case = world["cases"]["konsultacje-bialystok-2020"]
    _response, feature = get_json(api, f"{ITEMS}/{case.pk}", {"crs": EPSG4326})
    assert feature["geometry"]["coordinates"] == [53.12, 23.12]


def test_a_bbox_may_be_given_in_puwg_1992(api, world):
    # Around Białystok only, in the system's axis order: northings 575–610 km, eastings
    # 765–785 km (Supraśl, further east, is left out).
    response, data = get_json(api, ITEMS, {"bbox": "575000,765000,610000,785000",
                                           "bbox-crs": PUWG})
    assert ids_of(data) == sorted(world["cases"][slug].pk for slug in (
        "bo-bialystok-2019", "bo-bialystok-2020", "konsultacje-bialystok-2020"))


def test_municipalities_carry_their_counts_and_page_by_teryt(api, world):
    _response, data = get_json(api, "/ogc/collections/municipalities/items",
                               {"limit": 2, "tool": "budzet-obywatelski"})
    assert data["numberMatched"] == 4
    assert [(f["id"], f["properties"]["practice_count"]) for f in data["features"]] == [
        ("1465011", 0), ("2010073", 0)]
    _response, bialystok = get_json(api, "/ogc/collections/municipalities/items/2061011")
    assert bialystok["properties"]["name"] == "Białystok"
    assert bialystok["geometry"]["type"] == "MultiPolygon"


def test_browsers_get_readable_pages(api, world):
    page = api.get(ITEMS, HTTP_ACCEPT="text/html,application/xhtml+xml")
    assert page["Content-Type"].startswith("text/html")
    text = page.content.decode()
    assert 'id="ogc-map"' in text and "Budżet obywatelski Białegostoku 2019" in text
    assert api.get("/ogc/collections", {"f": "html"})["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(("params", "names"), [
    ({"limit": "0"}, ["limit"]),
    ({"limit": "10001"}, ["limit"]),
    ({"offset": "-1"}, ["offset"]),
    ({"bbox": "1,2,3"}, ["bbox"]),
    ({"bbox": "nan,1,2,3"}, ["bbox"]),
    ({"bbox": "1,2,3,4", "bbox-crs": "EPSG:2180"}, ["bbox-crs"]),
    ({"crs": "file:///etc/passwd"}, ["crs"]),
    ({"crs": "+proj=longlat"}, ["crs"]),
    ({"datetime": "2021/2019"}, ["datetime"]),
    ({"datetime": "../.."}, ["datetime"]),
    ({"datetime": "٢٠٢٠"}, ["datetime"]),
    ({"f": "xml"}, ["f"]),
    ({"tool": "budzet", "year_from": "2020"}, ["tool", "year_from"]),
])
def test_bad_parameters_are_a_400_naming_each(api, db, params, names):
    _response, data = get_json(api, ITEMS, params, expect=400)
    assert sorted(data["errors"]) == sorted(names)


@pytest.mark.parametrize("path", [
    "/ogc/collections/cases", "/ogc/collections/cases/items",
    f"{ITEMS}/999999", f"{ITEMS}/abc", "/ogc/collections/municipalities/items/2061012",
])
def test_what_does_not_exist_is_a_404(api, world, path):
    assert api.get(path).status_code == 404
