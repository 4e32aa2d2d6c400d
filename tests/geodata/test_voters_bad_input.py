"""A bad file is refused with its line, column and reason, a non-zero exit, and nothing
written, even when the bad row is in the middle of good ones."""
import pytest

from tests.geodata.conftest import run_voters, voters_fingerprint, write_voters

pytestmark = pytest.mark.django_db

HEADER = "teryt,name,eligible_voters"
GOOD_BEFORE = "2061011,Białystok,213477"
GOOD_AFTER = "2012052,Raczki,4305"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("2002093,Supraśl,12a",
         "line 3, column eligible_voters: '12a' is not a whole number from 1 to"),
        ("2002093,Supraśl,0", "line 3, column eligible_voters: '0' is not a whole number"),
        ("2002093,Supraśl,-5", "line 3, column eligible_voters: '-5' is not a whole number"),
        ("2002093,Supraśl,11 000", "line 3, column eligible_voters: '11 000'"),
        ("2002093,Supraśl,１２", "line 3, column eligible_voters: '１２'"),
        ("2002093,Supraśl,", "line 3, column eligible_voters: '' is not a whole number"),
        ("2002093,Supraśl,99999999999", "line 3, column eligible_voters: '99999999999'"),
        ("200209,Supraśl,11000", "line 3, column teryt:"),
        ("2002094,Supraśl,11000", "line 3, column teryt:"),
        ("2002093,,11000", "line 3, column name: the name is empty"),
        ("2061011,Białystok,213000",
         "line 3, column teryt: 2061011 is given twice: line 2 has it too"),
        ("2002093,Supraśl,11000,extra", "line 3, column -: the row has more cells"),
    ],
)
def test_a_bad_row_in_the_middle_imports_nothing(three_gminy, tmp_path, row, expected):
    path = write_voters(tmp_path / "bad.csv", HEADER, GOOD_BEFORE, row, GOOD_AFTER)
    before = voters_fingerprint()

    run = run_voters(path)

    assert run.code != 0
    assert "nothing was written" in run.err
    assert expected in run.err
    assert voters_fingerprint() == before


def test_every_bad_row_is_listed(three_gminy, tmp_path):
    path = write_voters(tmp_path / "bad.csv", HEADER, "2061011,Białystok,x", GOOD_AFTER,
                        "2002093,,y")

    run = run_voters(path)

    assert "3 problems" in run.err
    assert "line 2, column eligible_voters" in run.err
    assert "line 4, column name" in run.err and "line 4, column eligible_voters" in run.err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("kod,nazwa,wyborcy\n2061011,Białystok,1\n",
         "the header row lacks the column(s) teryt, name, eligible_voters"),
        ("teryt,name\n2061011,Białystok\n", "lacks the column(s) eligible_voters"),
        ("", "lacks the column(s) teryt, name, eligible_voters"),
        ("teryt,name,eligible_voters\n", "has no data rows under its header"),
    ],
)
def test_a_file_without_the_columns_or_rows_is_refused(three_gminy, tmp_path, content,
                                                       expected):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")

    run = run_voters(path)

    assert run.code != 0 and expected in run.err


def test_a_file_that_is_not_utf8_is_refused(three_gminy, tmp_path):
    path = write_voters(tmp_path / "cp1250.csv", HEADER, "2002093,Supraśl,11000",
                        encoding="cp1250")

    run = run_voters(path)

    assert run.code != 0 and "is not UTF-8 text" in run.err and "save it as UTF-8" in run.err


def test_a_file_with_a_byte_order_mark_is_read(three_gminy, tmp_path):
    path = write_voters(tmp_path / "bom.csv", HEADER, GOOD_BEFORE, encoding="utf-8-sig")

    assert run_voters(path).code == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--year", "1980"], "--year 1980: give the year of the election"),
        (["--year", "2999"], "--year 2999"),
        (["--source", " "], "--source: name where the counts come from"),
        (["--source", "x" * 201], "--source"),
    ],
)
def test_bad_options_are_refused(three_gminy, tmp_path, args, expected):
    path = write_voters(tmp_path / "a.csv", HEADER, GOOD_BEFORE)
    before = voters_fingerprint()

    run = run_voters(path, *args)

    assert run.code != 0 and expected in run.err
    assert voters_fingerprint() == before


def test_a_missing_file_is_refused(db, tmp_path):
    run = run_voters(tmp_path / "missing.csv")

    assert run.code != 0 and "no such file" in run.err
