"""Importing again under the same --source updates the cases, never duplicates them."""
from io import StringIO

from django.core.management import call_command

from practices.imports.spreadsheet import import_spreadsheet
from practices.models import Practice, Status
from tests.practices.imports.sheets import ROWS, write_csv


def test_reimport_updates_changed_rows_and_reports_the_rest_unchanged(gminy, tmp_path):
    import_spreadsheet(write_csv(tmp_path / "a.csv"), source="siec", status=Status.PUBLISHED)
    first = {p.external_id: p for p in Practice.objects.all()}
    changed = [list(ROWS[0]), list(ROWS[1])]
    changed[0][6] = "Budżet obywatelski Białegostoku 2024"
    changed[0][9] = "https://bip.example.pl/2"
    report = import_spreadsheet(write_csv(tmp_path / "b.csv", changed), source="siec",
                                status=Status.SUBMITTED)
    assert [(external_id, fields) for _line, external_id, fields in report.updated] == [
        ("bo-1", ["title", "source_url"])]
    assert [external_id for _line, external_id in report.unchanged] == ["k-1"]
    assert report.created == []
    again = {p.external_id: p for p in Practice.objects.all()}
    assert Practice.objects.count() == 2
    assert again["bo-1"].pk == first["bo-1"].pk
    assert again["bo-1"].slug == first["bo-1"].slug  # addresses of cases never change
    assert again["bo-1"].title == "Budżet obywatelski Białegostoku 2024"
    assert again["bo-1"].status == Status.PUBLISHED  # the status is not the import's to change
    assert list(again["bo-1"].links.values_list("url", flat=True)) == [
        "https://bip.example.pl/2"]


def test_another_source_label_makes_other_cases(gminy, tmp_path):
    path = write_csv(tmp_path / "a.csv")
    import_spreadsheet(path, source="siec")
    import_spreadsheet(path, source="inna-siec")
    assert Practice.objects.count() == 4


def test_the_command_reports_created_updated_and_unchanged(gminy, tmp_path):
    path = write_csv(tmp_path / "a.csv")
    out = StringIO()
    call_command("import_practices", str(path), "--source", "siec", "--lang", "en",
                 "--status", "published", stdout=out)
    assert "Created: 2" in out.getvalue()
    out = StringIO()
    call_command("import_practices", str(path), "--source", "siec", "--lang", "en", stdout=out)
    assert ["Created: 0", "Updated: 0", "Unchanged: 2"] == [
        line for line in out.getvalue().splitlines()
        if line.startswith(("Created", "Updated", "Unchanged"))]
    assert set(Practice.objects.values_list("status", flat=True)) == {"published"}
    assert all(p.search_vector for p in Practice.objects.all())  # the trigger filled it
