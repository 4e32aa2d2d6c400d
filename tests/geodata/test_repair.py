"""Invalid polygons are made valid on import and listed by TERYT and name."""
import pytest

from geodata.models import Municipality
from tests.geodata.conftest import features, run_import, write_geojson

pytestmark = pytest.mark.django_db


def test_a_self_intersecting_boundary_is_repaired_and_reported(tmp_path):
    gminy = features(prefixes=("2061",))
    ring = gminy[0]["geometry"]["coordinates"][0][0]
    # Swap two neighbouring vertices: the ring now crosses itself.
    ring[3], ring[4] = ring[4], ring[3]

    run = run_import(write_geojson(tmp_path / "g.geojson", gminy))

    assert run.code == 0, run.err
    assert "Repaired (invalid geometry made valid): 1\n  2061011 Białystok (Self-intersection[" \
        in run.out
    bialystok = Municipality.objects.get(teryt="2061011")
    assert bialystok.boundary.valid and bialystok.display_boundary.valid
    assert bialystok.boundary.contains(bialystok.point)
