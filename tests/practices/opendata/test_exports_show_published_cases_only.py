"""Draft, submitted, rejected and archived cases never reach an export, whichever format,
and are never counted in a gmina's numbers."""
import json

import pytest

from tests.practices.api.world import HIDDEN, PUBLISHED
from tests.practices.opendata.exported import csv_rows, get, gpkg_features, xlsx_rows


@pytest.fixture
def client(api, shared_world, db):
    return api


def test_no_hidden_case_is_in_any_case_export(client, shared_world, tmp_path):
    hidden_ids = {shared_world["cases"][slug].pk for slug in HIDDEN}
    published_ids = {shared_world["cases"][slug].pk for slug in PUBLISHED}
    csv_ids = {int(row["id"]) for row in csv_rows(get(client, "/export/practices.csv")[1])[1]}
    xlsx_ids = {row["id"] for row in xlsx_rows(get(client, "/export/practices.xlsx")[1])[1]}
    geojson_ids = {feature["id"] for feature in
                   json.loads(get(client, "/export/practices.geojson")[1])["features"]}
    path = tmp_path / "all.gpkg"
    path.write_bytes(get(client, "/export/practices.gpkg")[1])
    gpkg_ids = {feature["id"] for feature in gpkg_features(path)["features"]}
    for ids in (csv_ids, xlsx_ids, geojson_ids, gpkg_ids):
        assert ids == published_ids
        assert ids.isdisjoint(hidden_ids)


def test_hidden_cases_are_not_counted_in_the_gmina_exports(client):
    _header, rows = csv_rows(get(client, "/export/municipalities.csv")[1])
    counts = {row["teryt"]: int(row["practice_count"]) for row in rows}
    # Each gmina has hidden cases too; only the published ones count.
    assert counts == {"1465011": 1, "2010073": 1, "2061011": 3, "2807011": 2}
