"""Input the importer refuses: a clear message, exit code 1, and the register untouched.

Each bad file also carries good, new gminy, so a refusal that wrote part of the input would
show in the register."""
import json
import subprocess
import zipfile

import pytest

from tests.geodata.conftest import features, register_fingerprint, run_import, write_geojson


def _good():
    return features(prefixes=("2805",))  # Ełk and its neighbours: not in the register yet


def _with(tmp_path, change, name="bad.geojson", **write):
    gminy = _good()
    change(gminy)
    return [write_geojson(tmp_path / name, gminy, **write)]


def _set(index, key, value):
    def change(gminy):
        if key == "geometry":
            gminy[index]["geometry"] = value
        else:
            gminy[index]["properties"][key] = value
    return change


def _missing_file(tmp_path):
    return [tmp_path / "nowhere.geojson"]


def _not_geodata(tmp_path):
    path = tmp_path / "gminy.geojson"
    path.write_text("teryt;name\n2805011;Ełk\n", encoding="utf-8")
    return [path]


def _empty_zip(tmp_path):
    path = tmp_path / "00_jednostki_administracyjne.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("README.txt", "no data here")
    return [path]


def _unknown_layer(tmp_path):
    return _with(tmp_path, lambda gminy: None) + ["--layer", "A03_Granice_gmin"]


def _no_teryt_field(tmp_path):
    def rename(gminy):
        for feature in gminy:
            feature["properties"]["kod_gminy"] = feature["properties"].pop("teryt")
    return _with(tmp_path, rename) + ["--level", "gmina"]


def _unknown_teryt_field(tmp_path):
    return _with(tmp_path, lambda gminy: None) + ["--teryt-field", "JPT_KOD_JE"]


def _codes_as_numbers(tmp_path):
    def to_numbers(gminy):
        for feature in gminy:
            feature["properties"]["teryt"] = int(feature["properties"]["teryt"])
    return _with(tmp_path, to_numbers)


def _codes_as_numbers_at_a_given_level(tmp_path):
    return _codes_as_numbers(tmp_path) + ["--level", "gmina"]


def _shapefile_without_prj(tmp_path):
    source = write_geojson(tmp_path / "good.geojson", _good())
    subprocess.run(
        ["ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", str(tmp_path / "g.shp"),
         str(source)], check=True, capture_output=True)
    (tmp_path / "g.prj").unlink()
    return [tmp_path / "g.shp"]


def _projected_coordinates_without_crs(tmp_path):
    """EPSG:2180 metres in a GeoJSON that does not say so (so it is read as lon/lat)."""
    source = write_geojson(tmp_path / "good.geojson", _good())
    target = tmp_path / "g2180.geojson"
    subprocess.run(["ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:2180", str(target), str(source)],
                   check=True, capture_output=True)
    collection = json.loads(target.read_text(encoding="utf-8"))
    collection.pop("crs")
    target.write_text(json.dumps(collection), encoding="utf-8")
    return [target]


CASES = {
    "missing file": (_missing_file, "nowhere.geojson: no such file or directory."),
    "not geodata": (_not_geodata, "cannot be read: GDAL does not recognise it as a GeoJSON, "
                                  "Shapefile or GeoPackage"),
    "zip without data": (_empty_zip, "is a zip without a GeoJSON, Shapefile or GeoPackage"),
    "unknown layer": (_unknown_layer, "has no layer A03_Granice_gmin; its layers are: bad."),
    "no TERYT field": (_no_teryt_field, "Layer bad has no TERYT code field (looked for "
                                        "JPT_KOD_JE, teryt, terc, kod_teryt)"),
    "unknown TERYT field": (_unknown_teryt_field, "Layer bad has no field JPT_KOD_JE; its "
                                                  "fields are: teryt, name,"),
    "code too long": (lambda p: _with(p, _set(2, "teryt", "28050311")),
                      "feature 3 (28050311): '28050311' is not a gmina TERYT code: expected 7 "
                      "digits"),
    "code of a town part": (lambda p: _with(p, _set(0, "teryt", "2805014")),
                            "feature 1 (2805014): '2805014' is the town part of an urban-rural "
                            "gmina, not a gmina"),
    "code of a city district": (lambda p: _with(p, _set(0, "teryt", "2805018")),
                                "'2805018' is a district (dzielnica) of a city, not a gmina"),
    "code missing": (lambda p: _with(p, _set(1, "teryt", None)),
                     "feature 2 (-): the TERYT code is empty"),
    "codes as numbers": (_codes_as_numbers, "cannot tell whether the codes are of "
                                            "voivodeships (2 digits), counties (4) or gminy (7)"),
    "codes as numbers, level given": (_codes_as_numbers_at_a_given_level,
                                      "feature 1 (2805011): the TERYT code 2805011 is a number: "
                                      "codes are text with leading zeros"),
    "duplicate code": (lambda p: _with(p, _set(3, "teryt", "2805011")),
                       "feature 4 (2805011): duplicate code: feature 1 has it too"),
    "empty name": (lambda p: _with(p, _set(0, "name", " ")), "feature 1 (2805011): the name is "
                                                            "empty"),
    "no geometry": (lambda p: _with(p, _set(0, "geometry", None)),
                    "feature 1 (2805011): the feature has no geometry"),
    "empty geometry": (lambda p: _with(p, _set(1, "geometry", {"type": "MultiPolygon",
                                                               "coordinates": []})),
                       "feature 2 (2805022): the geometry is empty"),
    "point geometry": (lambda p: _with(p, _set(0, "geometry", {"type": "Point",
                                                               "coordinates": [22.3, 53.8]})),
                       "feature 1 (2805011): the geometry is a POINT: a boundary must be a "
                       "polygon"),
    "line geometry": (lambda p: _with(p, _set(0, "geometry", {
        "type": "LineString", "coordinates": [[22.3, 53.8], [22.4, 53.9]]})),
        "the geometry is a LINESTRING: a boundary must be a polygon"),
    "nothing in the selected voivodeships": (
        lambda p: _with(p, lambda g: None) + ["--voivodeship", "02"],
        "bad.geojson: nothing to import: the layer is empty, or none of its features is in the "
        "selected voivodeships."),
    "CRS unknown to GDAL": (lambda p: _with(p, lambda g: None, crs="EPSG:999999"),
                            "declares a coordinate reference system GDAL cannot identify"),
    "Shapefile without .prj": (_shapefile_without_prj,
                               "does not declare its coordinate reference system (a Shapefile "
                               "needs its .prj file)"),
    "undeclared projected CRS": (_projected_coordinates_without_crs,
                                 "features lie outside Poland once converted from WGS 84 to "
                                 "EPSG:4326 (first: feature 1)"),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_it_refuses_bad_input_and_changes_nothing(bialystok_area, tmp_path, case):
    build, message = case
    args = build(tmp_path)
    before = register_fingerprint()

    run = run_import(*args)

    assert run.code == 1
    assert message in run.err
    assert register_fingerprint() == before


def test_it_lists_every_problem_of_a_file_at_once(bialystok_area, tmp_path):
    def break_three(gminy):
        gminy[0]["properties"]["teryt"] = "2805014"
        gminy[1]["geometry"] = None
        gminy[2]["properties"]["teryt"] = gminy[3]["properties"]["teryt"]

    run = run_import(*_with(tmp_path, break_three))

    assert run.code == 1
    assert "bad.geojson: 3 features cannot be imported; nothing was written." in run.err
    duplicate = _good()[3]["properties"]["teryt"]
    assert [line.split(":")[0] for line in run.err.splitlines()[1:]] == [
        "  feature 1 (2805014)", "  feature 2 (2805022)", f"  feature 4 ({duplicate})"]
