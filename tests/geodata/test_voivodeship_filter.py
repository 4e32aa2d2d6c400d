"""--voivodeship restricts an import; everything else is skipped and counted."""
import pytest

from geodata.models import Municipality
from tests.conftest import shared_geodata
from tests.geodata.conftest import register_fingerprint, run_import

pytestmark = pytest.mark.django_db


def test_it_imports_only_the_selected_voivodeship():
    run = run_import(shared_geodata() / "gminy_20_28.geojson", "--voivodeship", "28")

    assert run.code == 0, run.err
    assert "Created: 116" in run.out
    assert "Skipped: 118\n  outside the selected voivodeships: 118" in run.out
    assert set(Municipality.objects.values_list("voivodeship", flat=True)) == {"28"}


@pytest.mark.parametrize("code", ["21", "2", "podlaskie", "34"])
def test_it_refuses_a_code_that_is_not_a_voivodeship(code):
    before = register_fingerprint()

    run = run_import(shared_geodata() / "gminy_20_28.geojson", "--voivodeship", code)

    assert run.code == 1
    assert f"--voivodeship: '{code}' is not a voivodeship TERYT code" in run.err
    assert register_fingerprint() == before
