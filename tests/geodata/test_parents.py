"""A gmina file may arrive before the county and voivodeship files: it creates the parents
it names, and a later import of those levels completes them."""
import pytest

from geodata.models import County, Voivodeship
from tests.conftest import shared_geodata
from tests.geodata.conftest import features, run_import, write_geojson

pytestmark = pytest.mark.django_db


def test_a_gmina_file_creates_the_counties_and_voivodeships_it_names(tmp_path):
    run = run_import(write_geojson(tmp_path / "g.geojson", features(prefixes=("2061", "2805"))))

    assert run.code == 0, run.err
    assert "Created from the codes in the file: 4" in run.out
    assert list(Voivodeship.objects.values_list("teryt", "name")) == [
        ("20", "podlaskie"), ("28", "warmińsko-mazurskie")]
    assert list(County.objects.values_list("teryt", "name", "kind", "voivodeship")) == [
        ("2061", "Białystok", "miasto na prawach powiatu", "20"),
        ("2805", "ełcki", "powiat", "28")]
    assert not County.objects.exclude(boundary=None).exists()


def test_a_file_with_codes_only_names_voivodeships_officially_and_leaves_counties_blank(
    tmp_path,
):
    gminy = features(prefixes=("2805",))
    for feature in gminy:
        feature["properties"] = {key: feature["properties"][key] for key in ("teryt", "name")}

    assert run_import(write_geojson(tmp_path / "g.geojson", gminy)).code == 0

    assert list(Voivodeship.objects.values_list("name", flat=True)) == ["warmińsko-mazurskie"]
    assert list(County.objects.values_list("teryt", "name")) == [("2805", "")]


def test_a_later_county_import_fills_in_names_and_boundaries(tmp_path):
    gminy = features(prefixes=("2805",))
    for feature in gminy:
        feature["properties"] = {key: feature["properties"][key] for key in ("teryt", "name")}
    assert run_import(write_geojson(tmp_path / "g.geojson", gminy)).code == 0

    run = run_import(shared_geodata() / "powiaty_pl.geojson", "--voivodeship", "28")

    assert run.code == 0, run.err
    assert "2805 ełcki (name, boundary)" in run.out
    assert "Created: 20" in run.out and "Skipped: 359" in run.out
    county = County.objects.get(teryt="2805")
    assert (county.name, county.boundary.valid) == ("ełcki", True)


def test_a_later_voivodeship_import_adds_boundaries(tmp_path):
    assert run_import(write_geojson(tmp_path / "g.geojson", features(prefixes=("2805",)))).code == 0

    run = run_import(shared_geodata() / "wojewodztwa_pl.geojson")

    assert run.code == 0, run.err
    assert "28 warmińsko-mazurskie (boundary)" in run.out
    assert "Created: 15" in run.out
    assert Voivodeship.objects.exclude(boundary=None).count() == 16
