"""Gminy the source no longer has are reported and kept, never deleted."""
import pytest

from geodata.models import Municipality
from tests.geodata.conftest import features, run_import, write_geojson

pytestmark = pytest.mark.django_db


def test_a_gmina_missing_from_the_source_is_reported_and_kept(bialystok_area, tmp_path):
    without_suprasl = [f for f in features(prefixes=("2002", "2061"))
                       if f["properties"]["teryt"] != "2002093"]

    run = run_import(write_geojson(tmp_path / "g.geojson", without_suprasl))

    assert run.code == 0, run.err
    assert ("In the database but not in this source, kept (not deleted): 1\n"
            "  2002093 Supraśl\n") in run.out
    assert Municipality.objects.filter(teryt="2002093").exists()


def test_gminy_of_voivodeships_outside_the_source_are_not_reported(bialystok_area, tmp_path):
    run = run_import(write_geojson(tmp_path / "g.geojson", features(prefixes=("2805",))))

    assert run.code == 0, run.err
    assert "kept (not deleted)" not in run.out
