"""A malformed Pabulib file is refused with its section and line; nothing is written."""
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from practices.imports.budgets import import_pabulib
from practices.imports.errors import ImportRefused
from practices.models import Practice
from tests.practices.imports.pbfiles import write_pb


def problems(paths, **options):
    with translation.override("en"), pytest.raises(ImportRefused) as caught:
        import_pabulib(paths, **options)
    with translation.override("en"):
        return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(("sections", "expected"), [
    (("META", "PROJECTS"), ["line - (VOTES): the section VOTES is missing"]),
    (("META", "VOTES"), ["line - (PROJECTS): the section PROJECTS is missing"]),
    (("PROJECTS", "VOTES"), ["line - (META): the section META is missing"]),
])
def test_a_missing_section_is_named(gminy, tmp_path, sections, expected):
    assert problems([write_pb(tmp_path / "a.pb", sections=sections)]) == expected
    assert not Practice.objects.exists()


def test_bad_numbers_are_named_with_section_line_and_column(gminy, tmp_path):
    path = write_pb(tmp_path / "a.pb", budget="dużo", projects=(
        ("1", "12x", "4", "A", "1"), ("2", "100", "-3", "B", "0")))
    assert problems([path]) == [
        "line 11 (META), column budget: 'dużo' is not a number from 0 to 1000000000000",
        "line 19 (PROJECTS), column cost: '12x' is not a number from 0 to 1000000000000",
        "line 20 (PROJECTS), column votes: '-3' is not a number from 0 to 2000000000",
    ]


def test_a_row_with_missing_cells_and_counts_that_disagree_are_refused(gminy, tmp_path):
    path = tmp_path / "a.pb"
    path.write_text(open(write_pb(path)).read().replace("2;250000;30;Droga;0", "2;250000"))
    assert problems([str(path)]) == [
        "line 20 (PROJECTS): 2 cells where the header has 5"]
    path.write_text(open(write_pb(path)).read().replace("num_votes;3", "num_votes;4"))
    assert problems([str(path)]) == ["line 10 (META), column num_votes: 4, but VOTES lists 3"]


def test_an_unknown_unit_is_refused_with_the_closest_names(gminy, tmp_path):
    path = write_pb(tmp_path / "a.pb", unit="Gdansk Wielki")
    good = write_pb(tmp_path / "b.pb", district="Oliwa")
    assert problems([good, path]) == [
        "line 5 (META), column unit: a.pb: no gmina is called Gdansk Wielki; the closest "
        "names: Gdańsk (2261011, urban gmina, pomorskie)"]
    assert not Practice.objects.exists()


def test_a_foreign_budget_is_refused(gminy, tmp_path):
    path = tmp_path / "a.pb"
    path.write_text(open(write_pb(path)).read().replace("country;Poland", "country;France"))
    assert problems([str(path)]) == [
        "line 4 (META), column country: France: only Polish budgets can be imported"]


def test_the_command_exits_with_the_reason_and_the_dry_run_writes_nothing(gminy, tmp_path):
    with pytest.raises(CommandError, match="section VOTES is missing"):
        call_command("import_pabulib", write_pb(tmp_path / "a.pb", sections=("META",
                                                                               "PROJECTS")),
                     "--lang", "en")
    call_command("import_pabulib", write_pb(tmp_path / "b.pb"), "--dry-run")
    assert not Practice.objects.exists()
