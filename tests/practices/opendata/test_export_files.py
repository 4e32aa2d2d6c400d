"""The exported files open in the tools people use: CSV with Polish letters in Excel (BOM)
and with semicolons, XLSX in openpyxl with its field and licence sheets, the GeoPackage in
GDAL with the right count and Point geometry, GeoJSON as RFC 7946; each is named after its
selection and carries the licence."""
import json

import pytest

from practices.domain.fact_schemas import SCHEMAS
from practices.fields import CaseFields
from tests.practices.opendata.exported import csv_rows, get, ogr, xlsx_rows

LICENCE = "https://creativecommons.org/licenses/by/4.0/"


@pytest.fixture
def client(api, shared_world, db):
    return api


def test_the_csv_header_is_the_declaration_with_the_facts_in_its_place(client):
    expected = []
    for name in CaseFields.fields:
        if name == "geometry":
            expected += ["longitude", "latitude"]
        elif name == "facts":
            keys = [fact.key for schema in SCHEMAS.values() for fact in schema.fields]
            expected += [f"fact_{key}" for key in dict.fromkeys(keys)]
        else:
            expected.append(name)
    header, _rows = csv_rows(get(client, "/export/practices.csv")[1])
    assert header == expected


def test_a_csv_starts_with_a_byte_order_mark_and_decodes_polish_letters(client):
    response, data = get(client, "/export/practices.csv", {"municipality": "2807011"})
    assert data.startswith(b"\xef\xbb\xbfid,longitude,latitude,")
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    _header, rows = csv_rows(data)
    assert sorted(row["title"] for row in rows) == [
        "Budżet obywatelski Ełku 2020", "Referendum w sprawie odwołania burmistrza Ełku"]
    assert {row["municipality_name"] for row in rows} == {"Ełk"}


def test_the_semicolon_variant_separates_cells_by_semicolons(client):
    data = get(client, "/export/practices.csv", {"sep": "semicolon", "tool": "referendum"})[1]
    first_line = data.decode("utf-8-sig").split("\r\n", 1)[0]
    assert first_line.startswith("id;longitude;latitude;slug;title;")
    assert "," not in first_line
    _header, rows = csv_rows(data, ";")
    assert [row["slug"] for row in rows] == ["referendum-elk-2018"]


def test_the_xlsx_opens_with_the_cases_the_fields_and_the_licence(client):
    response, data = get(client, "/export/practices.xlsx", {"voivodeship": "20"})
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    header, rows, book = xlsx_rows(data)
    assert book.sheetnames == ["dane", "pola", "licencja"]
    assert len(rows) == 4 and "Fundusz sołecki w Supraślu" in {row["title"] for row in rows}
    fields = {row[0]: row for row in book["pola"].iter_rows(min_row=2, values_only=True)}
    assert list(fields) == header
    assert fields["title"][2:4] == ("Tytuł praktyki.", "Title of the case.")
    about = dict(book["licencja"].iter_rows(values_only=True))
    assert about["license"] == LICENCE
    assert "CC BY 4.0" in about["attribution"]
    assert about["rows"] == 4 and about["query"] == "voivodeship=20"


def test_a_text_that_looks_like_a_formula_stays_text_in_the_xlsx(client, shared_world):
    from practices.models import Practice

    Practice.objects.filter(slug="referendum-elk-2018").update(summary='=HYPERLINK("x")')
    _header, rows, _book = xlsx_rows(get(client, "/export/practices.xlsx",
                                         {"tool": "referendum"})[1])
    assert rows[0]["summary"] == '=HYPERLINK("x")'


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x.example","kliknij")', "+48 85 123",
                                  "-2+3", "@SUM(A1)", "\tukryte"])
def test_a_formula_stays_text_in_the_spreadsheets_csv_and_verbatim_in_the_data_csv(
        client, shared_world, text):
    from practices.models import Practice

    Practice.objects.filter(slug="referendum-elk-2018").update(summary=text)
    query = {"tool": "referendum"}
    _header, spreadsheet = csv_rows(
        get(client, "/export/practices.csv", {**query, "sep": "semicolon"})[1], ";")
    _header, data = csv_rows(get(client, "/export/practices.csv", query)[1])
    assert spreadsheet[0]["summary"] == "'" + text
    assert data[0]["summary"] == text
    # Numbers are numbers in both: the year is never marked as text.
    assert spreadsheet[0]["year"] == data[0]["year"] == "2018"


def test_the_geopackage_opens_in_gdal_with_the_count_point_geometry_and_licence(
        client, tmp_path):
    response, data = get(client, "/export/practices.gpkg", {"voivodeship": "20,28"})
    assert response["Content-Type"] == "application/geopackage+sqlite3"
    path = tmp_path / "praktyki.gpkg"
    path.write_bytes(data)
    summary = ogr(path, "-so", "-al")
    assert "Layer name: praktyki" in summary
    assert "Geometry: Point" in summary
    assert "Feature Count: 6" in summary
    assert "EPSG" in summary and "4326" in summary
    assert f"LICENSE={LICENCE}" in ogr(path, "-so")  # the dataset's metadata
    assert "CC BY 4.0" in ogr(path, "-so", "-al")  # the layer's description


def test_the_geojson_is_a_feature_collection_with_licence_and_attribution(client):
    response, data = get(client, "/export/practices.geojson", {"year": "2020"})
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(data)
    assert collection["type"] == "FeatureCollection"
    assert collection["license"] == LICENCE
    assert collection["attribution"] == (  # in the language of Accept-Language
        "Mapa Partycypacji, Participation Map (http://testserver/), licence CC BY 4.0")
    assert "crs" not in collection  # RFC 7946: WGS 84 only
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["id"], int)
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert 14 < lon < 25 and 49 < lat < 55
        assert isinstance(feature["properties"], dict)
    # bo-elk-2020 is a sample: the collection says so, as the API does.
    assert "note" in collection


@pytest.mark.parametrize(("path", "params", "name"), [
    ("/export/practices.csv", {}, "praktyki.csv"),
    ("/export/practices.csv", {"tool": "budzet-obywatelski", "year_from": "2019",
                               "year_to": "2024"}, "praktyki_budzet-obywatelski_2019-2024.csv"),
    ("/export/practices.xlsx", {"voivodeship": "28", "year": "2020"},
     "praktyki_warminsko-mazurskie_2020.xlsx"),
    ("/export/practices.geojson", {"municipality": "2061011", "year_from": "2020"},
     "praktyki_bialystok_od-2020.geojson"),
    ("/export/practices.gpkg", {"tool": "referendum,konsultacje", "q": "Ełk"},
     "praktyki_referendum_konsultacje_szukaj-elk.gpkg"),
    ("/export/municipalities.csv", {"county": "2010", "bbox": "14,49,24,55"},
     "gminy_powiat-2010_obszar.csv"),
])
def test_a_file_is_named_after_its_selection(client, path, params, name):
    response = client.get(path, params)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f"attachment; filename=\"{name}\"; filename*=UTF-8''{name}")


@pytest.mark.parametrize("path", [
    "/export/practices.csv", "/export/practices.xlsx", "/export/practices.geojson",
    "/export/practices.gpkg", "/export/municipalities.csv", "/export/municipalities.geojson",
    "/export/municipalities.gpkg",
])
def test_every_export_links_its_licence_and_documentation(client, path):
    response = client.get(path, {"voivodeship": "28"})
    assert response.status_code == 200
    assert response["Link"] == (
        f'<{LICENCE}>; rel="license", <http://testserver/dane/>; rel="describedby"')
