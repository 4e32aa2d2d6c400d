"""CSV in UTF-8, UTF-8 with BOM and Windows-1250 with `;`, and XLSX, give the same cases."""
import pytest

from practices.imports.spreadsheet import import_spreadsheet
from tests.practices.imports.sheets import imported, write_csv, write_xlsx

EXPECTED = [
    {"external_id": "bo-1", "municipality_id": "2061011", "tool__slug": "budzet-obywatelski",
     "year": 2024, "title": "Budżet obywatelski Białegostoku",
     "summary": "Głosowało 5 tys. osób", "organiser": "Urząd Miejski",
     "facts": {"amount_pln": 1500000.5, "voters": 5400}, "status": "submitted",
     "is_sample": False, "links": [("source", "https://bip.example.pl/1")]},
    {"external_id": "k-1", "municipality_id": "1018013", "tool__slug": "konsultacje",
     "year": 2023, "title": "Konsultacje „Żółć” ęąśćźńół", "summary": "",
     "organiser": "Rada Gminy", "facts": {"subject": "Plan zagospodarowania"},
     "status": "submitted", "is_sample": False, "links": []},
]


@pytest.mark.parametrize("write", [
    lambda path: write_csv(path / "a.csv"),
    lambda path: write_csv(path / "a.csv", encoding="utf-8-sig"),
    lambda path: write_csv(path / "a.csv", encoding="utf-8", delimiter=";"),
    lambda path: write_csv(path / "a.csv", encoding="cp1250", delimiter=";"),
    lambda path: write_xlsx(path / "a.xlsx"),
], ids=["utf8-comma", "utf8-bom", "utf8-semicolon", "cp1250-semicolon", "xlsx"])
def test_every_format_gives_the_same_cases(gminy, tmp_path, write):
    report = import_spreadsheet(write(tmp_path), source="test")
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (2, 0, 0)
    assert imported() == EXPECTED


def test_an_explicit_separator_overrides_the_detected_one(gminy, tmp_path):
    path = write_csv(tmp_path / "a.csv", delimiter="\t")
    report = import_spreadsheet(path, source="test", delimiter="tab")
    assert len(report.created) == 2
    assert imported() == EXPECTED


def test_english_column_names_are_accepted(gminy, tmp_path):
    header = ["external_id", "teryt", "municipality", "voivodeship", "tool", "year", "title",
              "summary", "organiser", "source_url", "amount_pln", "voters", "subject"]
    import_spreadsheet(write_csv(tmp_path / "a.csv", header=header), source="test")
    assert imported() == EXPECTED
