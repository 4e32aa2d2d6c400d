"""The four real Pabulib files of ../shared/samples/pabulib import as real cases."""
from io import StringIO

from django.conf import settings
from django.core.management import call_command

from practices.models import BudgetProject, Practice

SAMPLES = settings.BASE_DIR.parent / "shared" / "samples" / "pabulib"


def run(*args):
    out = StringIO()
    call_command("import_pabulib", *args, "--lang", "en", stdout=out)
    return out.getvalue()


def test_the_four_shared_files_become_three_cities_editions(gminy):
    output = run(*sorted(str(path) for path in SAMPLES.glob("*.pb")))
    assert "Cases created: 4, updated: 0, unchanged: 0" in output
    cases = Practice.objects.filter(import_source="pabulib").order_by("external_id")
    assert [(c.external_id, c.title, c.tool.slug, c.status, c.is_sample, c.facts,
             str(c.start_date), str(c.end_date)) for c in cases] == [
        ("2261011-2020", "Budżet obywatelski – Gdańsk, edycja 2020", "budzet-obywatelski",
         "published", False,
         {"amount_pln": 149000, "projects_voted": 2, "projects_selected": 1, "voters": 163},
         "2019-09-09", "2019-09-23"),
        ("2262011-2022", "Budżet obywatelski – Gdynia, edycja 2022", "budzet-obywatelski",
         "published", False,
         {"amount_pln": 24022, "projects_voted": 2, "projects_selected": 2, "voters": 69},
         "2022-09-05", "2022-09-19"),
        ("2478011-2020", "Budżet obywatelski – Zabrze, edycja 2020", "budzet-obywatelski",
         "published", False,
         {"amount_pln": 150000, "projects_voted": 1, "projects_selected": 1, "voters": 61},
         "2019-10-03", "2019-10-17"),
        ("2478011-2021", "Budżet obywatelski – Zabrze, edycja 2021", "budzet-obywatelski",
         "published", False,
         {"amount_pln": 155000, "projects_voted": 1, "projects_selected": 1, "voters": 87},
         "2020-10-15", "2020-10-30"),
    ]
    gdansk = cases[0]
    assert list(gdansk.projects.order_by("project_id").values_list(
        "project_id", "name", "cost", "votes", "selected", "district")) == [
        ("1", "1 Sportowo w zielonej dzielnicy Gdańska 4.0!", 149000, 125, True, "Rudniki"),
        ("2", "2 Pomóżmy kotom na Rudnikach.", 25200, 44, False, "Rudniki"),
    ]
    assert list(gdansk.links.values_list("url", "label")) == [
        ("https://pabulib.org/",
         "Pabulib: Poland_Gdansk_2020_Rudniki.pb (licencja nie podana w pliku)")]


def test_importing_the_same_files_again_changes_nothing(gminy):
    files = sorted(str(path) for path in SAMPLES.glob("*.pb"))
    run(*files)
    before = list(Practice.objects.values("pk", "updated_at", "facts"))
    projects = BudgetProject.objects.count()
    output = run(*files)
    assert "Cases created: 0, updated: 0, unchanged: 4" in output
    assert list(Practice.objects.values("pk", "updated_at", "facts")) == before
    assert BudgetProject.objects.count() == projects == 6
