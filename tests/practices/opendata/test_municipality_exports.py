"""The gminy exports equal /api/municipalities/ for the same filters: the same gminy in the
same order, the same names, counts (spread into one column per tool) and boundaries."""
import json
from urllib.parse import urlencode

import pytest

from practices.domain.tools import TOOLS
from tests.practices.opendata.exported import csv_rows, get, ogr

FILTER_SETS = [{}, {"tool": "budzet-obywatelski", "voivodeship": "20,28"},
               {"year_from": "2020", "bbox": "22.0,53.0,23.5,54.0"}]
SLUGS = [tool["slug"] for tool in TOOLS]


@pytest.fixture
def client(api, shared_world, db):
    return api


def api_rows(client, params):
    query = "?" + urlencode(params) if params else ""
    features = client.json("/api/municipalities/" + query)["features"]
    rows = []
    for feature in features:
        properties = dict(feature["properties"])
        counts = properties.pop("counts")
        url = properties.pop("url")
        rows.append(({**properties, **{f"count_{slug}": counts.get(slug, 0) for slug in SLUGS},
                      "url": url}, feature["geometry"]))
    return rows


@pytest.mark.parametrize("params", FILTER_SETS)
def test_the_csv_rows_are_the_api_gminy_with_their_counts(client, params):
    expected = api_rows(client, params)
    header, rows = csv_rows(get(client, "/export/municipalities.csv", params)[1])
    assert header == list(expected[0][0])
    assert rows == [{key: "" if value is None else str(value) for key, value in row.items()}
                    for row, _geometry in expected]


@pytest.mark.parametrize("params", FILTER_SETS)
def test_the_geojson_features_are_the_api_gminy_with_their_boundaries(client, params):
    expected = api_rows(client, params)
    collection = json.loads(get(client, "/export/municipalities.geojson", params)[1])
    assert collection["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert [(feature["properties"], feature["geometry"]) for feature in
            collection["features"]] == expected
    assert [feature["id"] for feature in collection["features"]] == [
        row["teryt"] for row, _geometry in expected]


def test_the_geopackage_holds_every_gmina_as_multipolygons(client, tmp_path):
    path = tmp_path / "gminy.gpkg"
    path.write_bytes(get(client, "/export/municipalities.gpkg", {"voivodeship": "20"})[1])
    summary = ogr(path, "-so", "-al")
    assert "Layer name: gminy" in summary
    assert "Geometry: Multi Polygon" in summary
    assert "Feature Count: 2" in summary
