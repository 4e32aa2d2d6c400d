"""A file with a bad row imports nothing, and says where and why: line, column, reason."""
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from practices.imports.errors import ImportRefused
from practices.imports.spreadsheet import import_spreadsheet
from practices.models import Practice
from tests.practices.imports.sheets import ROWS, write_csv


def row(**changes):
    columns = ["id_zewnetrzne", "teryt", "gmina", "wojewodztwo", "narzedzie", "rok", "tytul",
               "streszczenie", "organizator", "zrodlo", "amount_pln", "voters", "subject"]
    values = dict(zip(columns, ROWS[0], strict=True))
    values.update(changes)
    return [values[column] for column in columns]


def refusal(tmp_path, rows):
    with translation.override("pl"), pytest.raises(ImportRefused) as caught:
        import_spreadsheet(write_csv(tmp_path / "a.csv", rows), source="test")
    with translation.override("pl"):
        return [str(problem) for problem in caught.value.problems]


def test_one_bad_row_in_the_middle_imports_nothing(gminy, tmp_path):
    rows = [row(id_zewnetrzne="a"), row(id_zewnetrzne="b", rok="20x4"), row(id_zewnetrzne="c")]
    assert refusal(tmp_path, rows) == [
        "wiersz 3, kolumna rok: podaj rok od 1990 do 2100"]
    assert not Practice.objects.exists()


@pytest.mark.parametrize(("changes", "expected"), [
    ({"rok": "1989"}, "wiersz 2, kolumna rok: podaj rok od 1990 do 2100"),
    ({"rok": "2²24"}, "wiersz 2, kolumna rok: podaj rok od 1990 do 2100"),
    ({"narzedzie": "loteria"}, "wiersz 2, kolumna narzedzie: nieznane narzędzie 'loteria'; "
     "użyj jednego z: konsultacje, budzet-obywatelski, fundusz-solecki, "
     "inicjatywa-uchwalodawcza, referendum, mlodziezowa-rada, rada-seniorow, "
     "inicjatywa-lokalna, panel-obywatelski, inne"),
    ({"voters": "-5"}, "wiersz 2, kolumna voters: voters: podaj liczbę całkowitą od 0 do "
     "2000000000."),
    ({"subject": "Plan"}, "wiersz 2, kolumna subject: subject: to narzędzie nie ma "
     "takiej danej; dozwolone: amount_pln, projects_submitted, projects_voted, "
     "projects_selected, votes_cast, voters."),
    ({"teryt": "", "gmina": "Bolesławiec", "wojewodztwo": "dolnośląskie"},
     "wiersz 2, kolumna gmina: Bolesławiec jest niejednoznaczna: Bolesławiec (0201011, gmina "
     "miejska, dolnośląskie); Bolesławiec (0201022, gmina wiejska, dolnośląskie); podaj kod "
     "TERYT"),
    ({"teryt": "", "gmina": "Białystock"},
     "wiersz 2, kolumna gmina: nie ma gminy o nazwie Białystock; najbliższe nazwy: Białystok "
     "(2061011, gmina miejska, podlaskie)"),
    ({"teryt": "2061011", "gmina": "Bolesławiec"},
     "wiersz 2, kolumna teryt: kod TERYT 2061011 to gmina Białystok, nie Bolesławiec: popraw "
     "jedno z nich"),
    ({"streszczenie": "<b>ważne</b>"},
     "wiersz 2, kolumna streszczenie: tylko zwykły tekst: usuń znaczniki HTML"),
    ({"zrodlo": "javascript:alert(1)"},
     "wiersz 2, kolumna zrodlo: podaj pełny adres zaczynający się od http:// lub https://"),
    ({"tytul": ""}, "wiersz 2, kolumna tytul: wymagane: komórka jest pusta"),
])
def test_each_bad_value_is_named_with_its_line_and_column(gminy, tmp_path, changes, expected):
    assert refusal(tmp_path, [row(**changes)]) == [expected]
    assert not Practice.objects.exists()


def test_the_teryt_code_settles_an_ambiguous_name(gminy, tmp_path):
    path = write_csv(tmp_path / "a.csv", [row(teryt="0201022", gmina="Boleslawiec")])
    import_spreadsheet(path, source="test")
    assert Practice.objects.get().municipality_id == "0201022"


def test_an_unknown_column_and_a_duplicate_id_are_refused(gminy, tmp_path):
    header = ["id_zewnetrzne", "teryt", "narzedzie", "rok", "tytul", "kolor"]
    rows = [["a", "2061011", "inne", "2024", "A", "czerwony"]]
    with pytest.raises(ImportRefused) as caught:
        import_spreadsheet(write_csv(tmp_path / "a.csv", rows, header), source="test")
    assert "kolor" in str(caught.value)
    rows = [row(id_zewnetrzne="a"), row(id_zewnetrzne="a")]
    assert refusal(tmp_path, rows) == [
        "wiersz 3, kolumna id_zewnetrzne: a występuje już w wierszu 2"]


def test_the_dry_run_prints_every_bad_row_in_the_chosen_language(gminy, tmp_path):
    path = write_csv(tmp_path / "a.csv", [row(id_zewnetrzne="a", rok="1700"), row(
        id_zewnetrzne="b"), row(id_zewnetrzne="c", narzedzie="")])
    with pytest.raises(CommandError) as caught:
        call_command("import_practices", str(path), "--source", "t", "--dry-run",
                     "--lang", "en")
    assert str(caught.value).splitlines()[1:] == [
        "  line 2, column rok: enter a year from 1990 to 2100",
        "  line 4, column narzedzie: required: the cell is empty",
    ]
    assert not Practice.objects.exists()


def test_a_file_that_is_not_text_is_refused(gminy, tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"\x81\x00\xff" * 10)
    with pytest.raises(ImportRefused, match="UTF-8"):
        import_spreadsheet(path, source="test")


def test_a_teryt_code_that_lost_its_leading_zero_still_finds_the_gmina(gminy, tmp_path):
    import_spreadsheet(write_csv(tmp_path / "a.csv", [row(teryt="201022")]), source="test")
    assert Practice.objects.get().municipality_id == "0201022"
