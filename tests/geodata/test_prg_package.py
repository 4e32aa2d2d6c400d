"""The official PRG package: Shapefiles in EPSG:2180 inside 00_jednostki_administracyjne.zip,
codes in JPT_KOD_JE and names in JPT_NAZWA_. Built here from the shared file with ogr2ogr."""
import subprocess
import zipfile

import pytest

from geodata.models import County, Municipality
from tests.conftest import shared_geodata
from tests.geodata.conftest import run_import

pytestmark = pytest.mark.django_db
FOLDER = "PRG_jednostki_administracyjne"


def _layer(folder, name, source, sql):
    subprocess.run(
        ["ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", "-t_srs", "EPSG:2180",
         "-nln", name, "-dialect", "SQLite", "-sql", sql, str(folder / f"{name}.shp"),
         str(source)],
        check=True, capture_output=True,
    )


@pytest.fixture(scope="module")
def prg_zip(tmp_path_factory):
    folder = tmp_path_factory.mktemp("prg")
    _layer(folder, "A03_Granice_gmin", shared_geodata() / "gminy_20_28.geojson",
           "SELECT teryt AS JPT_KOD_JE, name AS JPT_NAZWA_, geometry FROM gminy_20_28")
    _layer(folder, "A02_Granice_powiatow", shared_geodata() / "powiaty_pl.geojson",
           "SELECT teryt AS JPT_KOD_JE, 'powiat ' || name AS JPT_NAZWA_, geometry FROM powiaty "
           "WHERE woj_teryt IN ('20', '28')")
    path = folder / "00_jednostki_administracyjne.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.glob("A0*")):
            archive.write(file, f"{FOLDER}/{file.name}")
    return path


def test_it_imports_the_gminy_layer_of_the_prg_package(prg_zip):
    run = run_import(prg_zip)

    assert run.code == 0, run.err
    assert "layer A03_Granice_gmin: gmina\nCreated: 234\n" in run.out
    assert Municipality.objects.filter(voivodeship="20").count() == 118
    assert Municipality.objects.filter(voivodeship="28").count() == 116
    bialystok = Municipality.objects.get(teryt="2061011")
    assert (bialystok.name, bialystok.type, bialystok.county_id) == ("Białystok", "1", "2061")
    assert Municipality.objects.get(teryt="2818033").name == "Gołdap"
    # Reprojected from EPSG:2180: the point found in Białystok by the data's provenance notes.
    assert Municipality.objects.get(boundary__contains="SRID=4326;POINT (23.1688 53.1325)"
                                    ).teryt == "2061011"


def test_the_county_layer_is_chosen_by_level_and_names_lose_their_prefix(prg_zip):
    assert run_import(prg_zip).code == 0

    run = run_import(prg_zip, "--level", "powiat")

    assert run.code == 0, run.err
    assert "layer A02_Granice_powiatow: powiat" in run.out
    assert County.objects.get(teryt="2805").name == "ełcki"
    assert County.objects.get(teryt="2061").kind == "miasto na prawach powiatu"
