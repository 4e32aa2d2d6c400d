"""Importing the same source again changes nothing; a changed name changes one row."""
import pytest

from geodata.models import Municipality
from tests.conftest import shared_geodata
from tests.geodata.conftest import features, register_fingerprint, run_import, write_geojson

pytestmark = pytest.mark.django_db


def test_a_second_import_reports_everything_unchanged():
    source = shared_geodata() / "gminy_20_28.geojson"
    assert run_import(source).code == 0
    before = register_fingerprint()

    run = run_import(source)

    assert run.code == 0, run.err
    for line in ("Created: 0", "Updated: 0", "Unchanged: 234", "Repaired (invalid geometry "
                 "made valid): 0", "Display boundaries rewritten: 0 of 234"):
        assert line in run.out
    assert register_fingerprint() == before


def test_one_changed_name_updates_exactly_one_row(tmp_path):
    changed = features()
    assert run_import(write_geojson(tmp_path / "before.geojson", changed)).code == 0
    before = dict(Municipality.objects.values_list("teryt", "updated_at"))
    renamed = next(f for f in changed if f["properties"]["teryt"] == "2812052")
    renamed["properties"]["name"] = "Nowe Miasto Lubawskie"  # its pre-2026 name

    run = run_import(write_geojson(tmp_path / "after.geojson", changed))

    assert run.code == 0, run.err
    assert "Updated: 1\n  2812052 Nowe Miasto Lubawskie (name)\nUnchanged: 233" in run.out
    after = dict(Municipality.objects.values_list("teryt", "updated_at"))
    assert [code for code in after if after[code] != before[code]] == ["2812052"]
    assert Municipality.objects.get(teryt="2812052").name == "Nowe Miasto Lubawskie"


def test_a_changed_boundary_moves_the_point_and_the_area(tmp_path):
    gminy = features(prefixes=("2061",))
    assert run_import(write_geojson(tmp_path / "before.geojson", gminy)).code == 0
    before = Municipality.objects.get(teryt="2061011")
    # Białystok shrunk to its northern half.
    ring = gminy[0]["geometry"]["coordinates"][0][0]
    middle = (min(y for _x, y in ring) + max(y for _x, y in ring)) / 2
    xs = [x for x, _y in ring]
    gminy[0]["geometry"] = {"type": "Polygon", "coordinates": [[
        [min(xs), middle], [max(xs), middle], [max(xs), middle + 0.05],
        [min(xs), middle + 0.05], [min(xs), middle]]]}

    run = run_import(write_geojson(tmp_path / "after.geojson", gminy))

    assert "2061011 Białystok (boundary)" in run.out
    after = Municipality.objects.get(teryt="2061011")
    assert after.area_km2 < before.area_km2
    assert after.boundary.contains(after.point)
    assert after.point.y > middle
    assert after.display_boundary.valid
