"""The XLSX template has a sheet per tool and an explanation sheet, and imports as it is."""
import openpyxl
from django.core.management import call_command

from practices.domain.tools import TOOLS
from practices.imports.spreadsheet import import_spreadsheet
from practices.models import Practice


def test_the_template_has_a_sheet_per_tool_and_explains_every_column(tmp_path):
    path = tmp_path / "szablon.xlsx"
    call_command("import_practices", "--template", str(path))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [tool["slug"] for tool in TOOLS] + ["objaśnienia"]
    header = [cell.value for cell in book["referendum"][1]]
    assert header[:11] == ["id_zewnetrzne", "teryt", "gmina", "wojewodztwo", "narzedzie",
                           "rok", "tytul", "streszczenie", "opis", "organizator", "zrodlo"]
    assert "votes_cast" in header and "turnout" not in header  # computed facts are left out
    explained = {row[0] for row in book["objaśnienia"].iter_rows(min_row=3, values_only=True)}
    every_header = {cell.value for sheet in book.worksheets[:-1] for cell in sheet[1]}
    assert every_header <= explained


def test_the_example_rows_of_the_template_import(gminy, tmp_path):
    path = tmp_path / "szablon.xlsx"
    call_command("import_practices", "--template", str(path))
    report = import_spreadsheet(path, source="szablon")
    assert len(report.created) == len(TOOLS)
    assert report.skipped_sheets == ["szablon.xlsx: objaśnienia"]
    assert set(Practice.objects.values_list("tool__slug", flat=True)) == {
        tool["slug"] for tool in TOOLS}
