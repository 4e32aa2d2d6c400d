"""The real PKW file (../shared/geodata/wyborcy_2025.csv) imported into the NE register:
every gmina there gets its count, the rest of Poland is reported as unknown, and importing it
again changes nothing."""
import pytest

from geodata.models import Municipality
from tests.conftest import shared_geodata
from tests.geodata.conftest import run_voters, voters_fingerprint

pytestmark = pytest.mark.django_db

FILE = shared_geodata() / "wyborcy_2025.csv"


def test_every_gmina_of_the_register_gets_its_count_year_and_source(ne_boundaries):
    run = run_voters(FILE)

    assert run.code == 0, run.err
    assert "Created: 234" in run.out
    # 2,479 gminy in the file, 234 in the register: Grabówka (podlaskie, no polygon) and the
    # other voivodeships' gminy are unknown here.
    assert "Not in the register, skipped: 2245" in run.out
    assert "line 2: 0201011 Bolesławiec" in run.out
    assert ne_boundaries.filter(eligible_voters=None).count() == 0
    bialystok = Municipality.objects.get(pk="2061011")
    assert (bialystok.eligible_voters, bialystok.eligible_voters_year) == (213_477, 2025)
    assert bialystok.eligible_voters_source.startswith("PKW")
    assert Municipality.objects.get(pk="2012052").eligible_voters == 4_305  # Raczki


def test_importing_the_same_file_again_reports_everything_unchanged(ne_boundaries):
    assert run_voters(FILE).code == 0
    before = voters_fingerprint()

    run = run_voters(FILE)

    assert run.code == 0, run.err
    assert "Created: 0" in run.out and "Updated: 0" in run.out and "Unchanged: 234" in run.out
    assert voters_fingerprint() == before
