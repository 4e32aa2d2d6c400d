"""The readers never crash: any Unicode text (or bytes) is imported or clearly refused."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practices.imports.errors import ImportRefused
from practices.imports.pabulib import parse
from practices.imports.register import Register
from practices.imports.spreadsheet import SpreadsheetReport, check_tables
from practices.imports.tables import read_csv
from tests.practices.imports.pbfiles import pb_text

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
HEADER = "id_zewnetrzne;teryt;narzedzie;rok;tytul;voters;amount_pln\n"


@pytest.mark.django_db
@FUZZ
@given(body=st.text(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_any_csv_text_is_read_or_refused(body, encoding):
    data = (HEADER + body).encode(encoding)
    try:
        table = read_csv("a.csv", data)
    except ImportRefused as error:
        assert str(error)
        return
    report = SpreadsheetReport(file="a.csv", source="t", status="submitted")
    rows, problems = check_tables([table], Register(), report)
    assert all(str(problem) for problem in problems)


@FUZZ
@given(cell=st.text(), where=st.sampled_from(["unit", "budget", "cost", "name", "instance"]))
def test_any_value_in_a_pabulib_file_is_parsed_or_refused(cell, where):
    text = pb_text(unit=cell if where == "unit" else "Gdańsk",
                   budget=cell if where == "budget" else "1000",
                   instance=cell if where == "instance" else "2024",
                   projects=(("1", cell if where == "cost" else "10", "3",
                              cell if where == "name" else "A", "1"),))
    try:
        parse("a.pb", text.encode("utf-8", "surrogatepass"))
    except ImportRefused as error:
        assert str(error)


@FUZZ
@given(data=st.binary())
def test_any_bytes_as_a_pabulib_file_are_refused_clearly(data):
    try:
        parse("a.pb", data)
    except ImportRefused as error:
        assert str(error)
