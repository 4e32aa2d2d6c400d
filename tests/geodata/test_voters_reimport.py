"""Re-importing voter counts: changed counts, years or sources are updated and reported,
the rest unchanged; gminy the file lacks keep what they had."""
import pytest

from geodata.models import Municipality
from tests.geodata.conftest import run_voters, write_voters

pytestmark = pytest.mark.django_db


def counts():
    return dict(Municipality.objects.values_list("teryt", "eligible_voters"))


def test_a_changed_count_is_updated_and_the_others_are_unchanged(three_gminy, tmp_path):
    first = write_voters(tmp_path / "a.csv", "teryt,name,eligible_voters",
                         "2061011,Białystok,213477", "2002093,Supraśl,11000",
                         "2012052,Raczki,4305")
    assert "Created: 3" in run_voters(first).out
    second = write_voters(tmp_path / "b.csv", "teryt,name,eligible_voters",
                          "2061011,Białystok,213477", "2002093,Supraśl,11500",
                          "2012052,Raczki,4305")

    run = run_voters(second)

    assert run.code == 0, run.err
    assert "Updated: 1" in run.out and "2002093 Supraśl (11000 (2025) → 11500)" in run.out
    assert "Unchanged: 2" in run.out
    assert counts() == {"2061011": 213_477, "2002093": 11_500, "2012052": 4_305}


def test_a_new_year_and_source_update_every_gmina(three_gminy, tmp_path):
    path = write_voters(tmp_path / "a.csv", "teryt,name,eligible_voters",
                        "2061011,Białystok,213477")
    assert run_voters(path).code == 0

    run = run_voters(path, "--year", "2024", "--source", "PKW: wybory samorządowe 2024")

    assert "Updated: 1" in run.out
    bialystok = Municipality.objects.get(pk="2061011")
    assert (bialystok.eligible_voters_year, bialystok.eligible_voters_source) == (
        2024, "PKW: wybory samorządowe 2024")


def test_gminy_missing_from_the_file_keep_their_count_and_are_listed(three_gminy, tmp_path):
    full = write_voters(tmp_path / "a.csv", "teryt,name,eligible_voters",
                        "2061011,Białystok,213477", "2012052,Raczki,4305")
    assert run_voters(full).code == 0
    partial = write_voters(tmp_path / "b.csv", "teryt,name,eligible_voters",
                           "2061011,Białystok,213000")

    run = run_voters(partial)

    assert "In the register but not in this file, kept as they were: 2" in run.out
    assert "2012052 Raczki" in run.out
    assert counts() == {"2061011": 213_000, "2002093": None, "2012052": 4_305}


def test_a_dry_run_reports_the_changes_and_writes_nothing(three_gminy, tmp_path):
    path = write_voters(tmp_path / "a.csv", "teryt,name,eligible_voters",
                        "2061011,Białystok,213477")

    run = run_voters(path, "--dry-run")

    assert run.code == 0 and "Created: 1" in run.out
    assert "Dry run: nothing was written." in run.out
    assert counts()["2061011"] is None
