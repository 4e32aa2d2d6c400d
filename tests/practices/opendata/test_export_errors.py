"""Bad parameters on every export are a 400 naming each one, before any file is made;
`sep` belongs to CSV only. (tests/fuzz tries every export with hostile Unicode too.)"""
import json

import pytest

EXPORTS = [
    "/export/practices.csv", "/export/practices.xlsx", "/export/practices.geojson",
    "/export/practices.gpkg", "/export/municipalities.csv", "/export/municipalities.geojson",
    "/export/municipalities.gpkg",
]


@pytest.mark.parametrize("path", EXPORTS)
@pytest.mark.parametrize(("params", "names"), [
    ({"tool": "budzet"}, ["tool"]),
    ({"year": "٢٠٢٠"}, ["year"]),
    ({"year_from": "2022", "year_to": "2020"}, ["year_from"]),
    ({"bbox": "1e400,0,1,1"}, ["bbox"]),
    ({"municipality": "2061019", "limit": "5"}, ["limit", "municipality"]),
    ({"q": "x" * 5000, "voivodeship": "99x"}, ["q", "voivodeship"]),
])
def test_bad_parameters_are_a_400_naming_each_of_them(api, db, path, params, names):
    response = api.get(path, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert sorted(json.loads(response.content)["errors"]) == names


@pytest.mark.parametrize(("path", "value", "message"), [
    ("/export/practices.csv", "tab", "Unknown separator 'tab'. Allowed: comma, semicolon."),
    ("/export/municipalities.csv", ";", "Unknown separator ';'. Allowed: comma, semicolon."),
])
def test_an_unknown_csv_separator_is_refused_saying_which_are_allowed(api, db, path, value,
                                                                     message):
    response = api.get(path, {"sep": value})
    assert response.status_code == 400
    assert json.loads(response.content) == {"errors": {"sep": [message]}}


@pytest.mark.parametrize("path", [path for path in EXPORTS if not path.endswith(".csv")])
def test_sep_is_unknown_outside_csv(api, db, path):
    response = api.get(path, {"sep": "semicolon"})
    assert response.status_code == 400
    assert list(json.loads(response.content)["errors"]) == ["sep"]


@pytest.mark.parametrize("path", ["/export/practices.pdf", "/export/municipalities.xlsx",
                                  "/export/practices.csv.gz"])
def test_an_unknown_format_is_not_found(api, db, path):
    assert api.get(path).status_code == 404
