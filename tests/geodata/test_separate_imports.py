"""Neighbours imported in separate runs get the same display boundaries as when imported
together: the simplification is recomputed over every gmina in the register."""
import pytest

from geodata.models import Municipality
from tests.conftest import shared_geodata
from tests.geodata.conftest import run_import

pytestmark = pytest.mark.django_db


def _displays():
    return {m.teryt: m.display_boundary.wkb.hex()
            for m in Municipality.objects.only("display_boundary")}


def test_importing_one_voivodeship_after_the_other_matches_one_import_of_both(settings):
    settings.MAPA_DISPLAY_TOLERANCE_M = 1000  # enough to simplify the shared border visibly
    source = shared_geodata() / "gminy_20_28.geojson"
    assert run_import(source, "--voivodeship", "20").code == 0
    alone = _displays()
    run = run_import(source, "--voivodeship", "28")
    assert run.code == 0, run.err
    separately = _displays()

    Municipality.objects.all().delete()
    assert run_import(source).code == 0
    together = _displays()

    assert separately == together
    # The border between the two voivodeships was re-simplified once both sides existed.
    assert any(alone[code] != together[code] for code in alone)
    assert "Display boundaries rewritten: " in run.out
