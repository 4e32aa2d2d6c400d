"""/api/municipalities/: gminy with display boundaries and counts that honour the case
filters; the counts agree with /api/practices/ for the same parameters."""
import pytest
from django.urls import reverse
from django.utils import translation

from tests.practices.api.world import FILTER_CASES


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world


def gmina_url(code):
    with translation.override("pl"):
        return reverse("municipality-detail", kwargs={"teryt": code})


def by_code(collection):
    return {feature["id"]: feature for feature in collection["features"]}


def test_a_gmina_has_exactly_the_documented_members(api, world):
    collection = api.json("/api/municipalities/", {"voivodeship": "20"})
    assert by_code(collection)["2061011"] == {
        "type": "Feature",
        "id": "2061011",
        "geometry": {"type": "MultiPolygon", "coordinates": [[[
            [23.1, 53.1], [23.2, 53.1], [23.2, 53.2], [23.1, 53.2], [23.1, 53.1],
        ]]]},
        "properties": {
            "teryt": "2061011",
            "name": "Białystok",
            "type": "urban",
            "county": "2061",
            "county_name": "powiat 2061",
            "voivodeship": "20",
            "voivodeship_name": "podlaskie",
            "eligible_voters": 213477,
            "practice_count": 3,
            "counts": {"konsultacje": 1, "budzet-obywatelski": 2},
            "url": gmina_url("2061011"),
        },
    }
    assert by_code(collection)["2010073"]["properties"]["type"] == "urban-rural"


def test_a_gmina_without_imported_voters_has_a_null_count(api, world):
    collection = api.json("/api/municipalities/", {"voivodeship": "20"})
    assert by_code(collection)["2010073"]["properties"]["eligible_voters"] is None
    one = api.json("/api/municipalities/2061011/")
    assert one["properties"]["eligible_voters"] == 213477


def test_every_gmina_is_listed_even_without_matching_cases(api, world):
    collection = api.json("/api/municipalities/", {"tool": "referendum"})
    counts = {code: f["properties"]["practice_count"] for code, f in by_code(collection).items()}
    assert counts == {"1465011": 0, "2010073": 0, "2061011": 0, "2807011": 1}
    assert by_code(collection)["2061011"]["properties"]["counts"] == {}


@pytest.mark.parametrize(
    ("params", "codes"),
    [
        ({"voivodeship": "20"}, ["2010073", "2061011"]),
        ({"voivodeship": "20,28"}, ["2010073", "2061011", "2807011"]),
        ({"county": "2807"}, ["2807011"]),
        ({"municipality": "1465011"}, ["1465011"]),
        ({"bbox": "23.25,53.15,23.35,53.25"}, ["2010073"]),
        ({"bbox": "23.15,53.15,23.35,53.25"}, ["2010073", "2061011"]),
        ({}, ["1465011", "2010073", "2061011", "2807011"]),
    ],
)
def test_the_geographic_filters_restrict_the_gminy(api, world, params, codes):
    assert sorted(by_code(api.json("/api/municipalities/", params))) == codes


@pytest.mark.parametrize(("params", "expected"), FILTER_CASES,
                         ids=[str(p) for p, _ in FILTER_CASES])
def test_counts_equal_the_features_of_the_case_list(api, world, params, expected):
    gminy = api.json("/api/municipalities/", params)["features"]
    cases = api.json("/api/practices/", params)["features"]
    assert sum(g["properties"]["practice_count"] for g in gminy) == len(cases) == len(expected)
    for gmina in gminy:
        mine = [c for c in cases if c["properties"]["municipality"] == gmina["id"]]
        assert gmina["properties"]["practice_count"] == len(mine)
        per_tool = {}
        for case in mine:
            tool = case["properties"]["tool"]
            per_tool[tool] = per_tool.get(tool, 0) + 1
        assert gmina["properties"]["counts"] == per_tool


def test_counts_list_tools_in_the_tools_order(api, world):
    counts = by_code(api.json("/api/municipalities/"))["2061011"]["properties"]["counts"]
    assert list(counts) == ["konsultacje", "budzet-obywatelski"]


def test_a_collection_counting_samples_says_so(api, world):
    assert "sample" in api.json("/api/municipalities/", {"voivodeship": "28"})["note"]
    assert "note" not in api.json("/api/municipalities/", {"voivodeship": "20"})


def test_one_gmina_is_a_feature_with_its_counts(api, world):
    one = api.json("/api/municipalities/2061011/", {"year": "2020"})
    listed = by_code(api.json("/api/municipalities/", {"year": "2020"}))["2061011"]
    assert one == listed
    assert one["properties"]["counts"] == {"konsultacje": 1, "budzet-obywatelski": 1}


def test_one_gmina_counting_a_sample_says_so(api, world):
    assert "sample" in api.json("/api/municipalities/2807011/")["note"]


def test_an_unknown_gmina_is_not_found(api, world):
    response = api.get("/api/municipalities/2061021/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_boundaries_come_out_as_stored_with_at_most_six_decimals(api, world):
    from django.contrib.gis.geos import MultiPolygon, Polygon

    from geodata.models import Municipality

    gmina = Municipality.objects.get(pk="1465011")
    ring = [(21.0, 52.2), (21.123456789, 52.2), (21.123456789, 52.3), (21.0, 52.3), (21.0, 52.2)]
    gmina.display_boundary = MultiPolygon(Polygon(ring), srid=4326)
    gmina.save()
    geometry = by_code(api.json("/api/municipalities/", {"municipality": "1465011"}))[
        "1465011"]["geometry"]
    assert geometry["coordinates"][0][0][1] == [21.123457, 52.2]


def test_the_list_is_one_geojson_document_with_its_length(api, world):
    """Bounded by the register (2,477 gminy at most), the list is read in one round trip and
    sent with its Content-Length."""
    response = api.get("/api/municipalities/")
    assert not response.streaming
    assert int(response["Content-Length"]) == len(response.content)
    assert response["Content-Type"] == "application/geo+json"
