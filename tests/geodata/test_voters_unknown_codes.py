"""A valid code that is not in the register is a warning naming the line, the code and the
name; the other rows are imported."""
import pytest

from geodata.models import Municipality
from tests.geodata.conftest import run_voters, write_voters

pytestmark = pytest.mark.django_db


def test_unknown_codes_are_listed_and_the_known_ones_imported(three_gminy, tmp_path):
    path = write_voters(tmp_path / "a.csv", "teryt,name,eligible_voters",
                        "2061011,Białystok,213477", "2002162,Grabówka,5000",
                        "1465011,Warszawa,1379227")

    run = run_voters(path)

    assert run.code == 0, run.err
    assert "Not in the register, skipped: 2" in run.out
    assert "line 3: 2002162 Grabówka" in run.out and "line 4: 1465011 Warszawa" in run.out
    assert "Created: 1" in run.out
    assert Municipality.objects.get(pk="2061011").eligible_voters == 213_477
