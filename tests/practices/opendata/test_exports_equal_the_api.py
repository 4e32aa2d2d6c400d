"""Every case export holds exactly the API's selection: for three different filter sets,
the CSV (both separators), XLSX, GeoJSON and GeoPackage rows are the API's features, with
the same ids in the same order and the same values (the detail's fields, the facts)."""
from datetime import datetime, timedelta

import pytest

from practices.opendata.columns import header as export_header
from tests.practices.opendata.exported import (
    FILTER_SETS,
    api_cases,
    as_text,
    csv_rows,
    decorate,
    expected_values,
    get,
    gpkg_features,
    xlsx_rows,
)


@pytest.fixture(scope="module")
def decorated(shared_world, django_db_blocker):
    with django_db_blocker.unblock():
        decorate(shared_world["cases"])
    return shared_world


@pytest.fixture
def expected(api, decorated, db, request):
    params = request.param
    listed, details = api_cases(api, params)
    assert len(listed) >= 3  # each set holds several cases, with facts among them
    return params, expected_values(listed, details, export_header())


def _ids(params):
    return "&".join(f"{key}={value}" for key, value in params.items())


@pytest.mark.parametrize("expected", FILTER_SETS, indirect=True, ids=_ids)
@pytest.mark.parametrize("sep", [None, "semicolon"])
def test_the_csv_rows_are_the_api_features_as_text(api, expected, sep):
    params, rows = expected
    query = {**params, **({"sep": sep} if sep else {})}
    header, got = csv_rows(get(api, "/export/practices.csv", query)[1],
                           ";" if sep else ",")
    assert header == export_header()
    assert got == [{key: as_text(value) for key, value in row.items()} for row in rows]


@pytest.mark.parametrize("expected", FILTER_SETS, indirect=True, ids=_ids)
def test_the_xlsx_rows_are_the_api_features_with_their_types(api, expected):
    params, rows = expected
    header, got, _book = xlsx_rows(get(api, "/export/practices.xlsx", params)[1])
    assert header == export_header()
    # Lists and objects are JSON text in a cell, an empty text an empty cell; everything
    # else keeps its type.
    assert got == [
        {key: as_text(value) if isinstance(value, list | dict) else (value if value != "" else None)
         for key, value in row.items()}
        for row in rows
    ]


@pytest.mark.parametrize("expected", FILTER_SETS, indirect=True, ids=_ids)
def test_the_geojson_features_are_the_api_features_with_every_field(api, expected):
    params, rows = expected
    collection = get(api, "/export/practices.geojson", params)[1]
    import json

    features = json.loads(collection)["features"]
    assert [feature["id"] for feature in features] == [row["id"] for row in rows]
    for feature, row in zip(features, rows, strict=True):
        row = dict(row)
        assert feature["geometry"] == {
            "type": "Point", "coordinates": [row.pop("longitude"), row.pop("latitude")]
        }
        row.pop("id")
        assert feature["properties"] == row


@pytest.mark.parametrize("expected", FILTER_SETS, indirect=True, ids=_ids)
def test_the_geopackage_features_are_the_api_features(api, expected, tmp_path):
    params, rows = expected
    path = tmp_path / "export.gpkg"
    path.write_bytes(get(api, "/export/practices.gpkg", params)[1])
    features = gpkg_features(path)["features"]
    assert [feature["id"] for feature in features] == [row["id"] for row in rows]
    for feature, row in zip(features, rows, strict=True):
        assert feature["geometry"]["coordinates"] == [row["longitude"], row["latitude"]]
        properties = feature["properties"]
        for key in ("slug", "title", "tool", "year", "municipality", "summary", "fact_amount_pln",
                    "fact_turnout", "fact_type", "url"):
            assert properties[key] == row[key], key
        # A GeoPackage keeps date-times to the millisecond.
        assert abs(datetime.fromisoformat(properties["created_at"])
                   - datetime.fromisoformat(row["created_at"])) < timedelta(milliseconds=1)
        # GDAL keeps lists of objects as JSON text and booleans as 0/1 integers.
        assert properties["is_sample"] in (row["is_sample"], int(row["is_sample"]))
