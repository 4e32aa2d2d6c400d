"""District files of one city and edition merge into one case, with per-district totals."""
from practices.imports.budgets import import_pabulib
from practices.models import BudgetPart, Practice
from tests.practices.imports.pbfiles import write_pb


def test_district_files_of_one_edition_make_one_case_with_summed_facts(gminy, tmp_path):
    oliwa = write_pb(tmp_path / "oliwa.pb")
    wrzeszcz = write_pb(tmp_path / "wrzeszcz.pb", district="Wrzeszcz", budget="200000,50",
                        projects=(("7", "150000", "90", "Szkoła", "1"),), voters=5)
    report = import_pabulib([oliwa, wrzeszcz])
    assert (len(report.created), len(report.updated)) == (1, 0)
    case = Practice.objects.get(import_source="pabulib")
    assert (case.external_id, case.municipality_id, case.year) == ("2261011-2024", "2261011",
                                                                   2024)
    assert case.facts == {"amount_pln": 500000.5, "projects_voted": 3,
                          "projects_selected": 2, "voters": 8}
    assert list(BudgetPart.objects.filter(practice=case).values_list(
        "subunit", "budget", "voters", "file_name")) == [
        ("Oliwa", 300000, 3, "oliwa.pb"), ("Wrzeszcz", 200000.5, 5, "wrzeszcz.pb")]
    assert list(case.projects.order_by("project_id").values_list("name", "district")) == [
        ("Park", "Oliwa"), ("Droga", "Oliwa"), ("Szkoła", "Wrzeszcz")]


def test_a_district_imported_later_joins_the_case_and_a_changed_file_replaces_its_part(
        gminy, tmp_path):
    import_pabulib([write_pb(tmp_path / "oliwa.pb")])
    report = import_pabulib([write_pb(tmp_path / "wrzeszcz.pb", district="Wrzeszcz",
                                      projects=(("7", "1000", "9", "Ławka", "1"),))])
    assert (len(report.created), len(report.updated)) == (0, 1)
    report = import_pabulib([write_pb(tmp_path / "oliwa.pb", budget="400000")])
    assert [outcome for *_rest, outcome in report.files] == ["updated"]
    case = Practice.objects.get(import_source="pabulib")
    assert case.facts["amount_pln"] == 700000
    assert case.projects.count() == 3


def test_a_file_without_selected_is_decided_by_its_greedy_rule(gminy, tmp_path):
    path = tmp_path / "g.pb"
    text = open(write_pb(path, budget="260000", projects=(
        ("1", "200000", "50", "A", ""), ("2", "100000", "40", "B", ""),
        ("3", "60000", "10", "C", "")))).read()
    path.write_text(text.replace("name;selected", "name;selected"))
    import_pabulib([str(path)])
    case = Practice.objects.get(import_source="pabulib")
    assert list(case.projects.order_by("project_id").values_list("selected", flat=True)) == [
        True, False, True]
    assert case.facts["projects_selected"] == 2
