"""--dry-run checks and reports everything but writes nothing."""
import pytest

from tests.conftest import shared_geodata
from tests.geodata.conftest import register_fingerprint, run_import

pytestmark = pytest.mark.django_db


def test_a_dry_run_reports_what_would_change_and_writes_nothing(bialystok_area):
    before = register_fingerprint()

    run = run_import(shared_geodata() / "gminy_20_28.geojson", "--dry-run")

    assert run.code == 0, run.err
    assert "Created: 218" in run.out and "Unchanged: 16" in run.out
    assert "Dry run: nothing was written." in run.out
    assert register_fingerprint() == before
