"""A GeoPackage with several layers: the layer is named with --layer, or the import is
refused with the list of layers."""
import subprocess

import pytest

from geodata.models import County, Municipality
from tests.geodata.conftest import features, register_fingerprint, run_import, write_geojson

pytestmark = pytest.mark.django_db


@pytest.fixture
def geopackage(tmp_path):
    path = tmp_path / "granice.gpkg"
    for name, source, update in (("gminy", "gminy_20_28", []),
                                 ("powiaty", "powiaty_pl", ["-update"])):
        layer = write_geojson(tmp_path / f"{name}.geojson", features(source, ("2805", "2818")))
        subprocess.run(["ogr2ogr", "-f", "GPKG", *update, "-nln", name, str(path), str(layer)],
                       check=True, capture_output=True)
    return path


def test_it_imports_the_layer_named_with_the_option(geopackage):
    run = run_import(geopackage, "--layer", "powiaty")

    assert run.code == 0, run.err
    assert "layer powiaty: powiat\nCreated: 2" in run.out
    assert list(County.objects.values_list("name", flat=True)) == ["ełcki", "gołdapski"]
    run = run_import(geopackage, "--layer", "GMINY")
    assert run.code == 0, run.err
    assert Municipality.objects.count() == 8  # 5 in powiat ełcki, 3 in gołdapski


def test_it_refuses_to_guess_between_layers(geopackage):
    before = register_fingerprint()

    run = run_import(geopackage)

    assert run.code == 1
    assert "granice.gpkg has several layers (gminy, powiaty): choose one with --layer." in run.err
    assert register_fingerprint() == before
