"""The database keeps every case's search vector current, whatever writes the row."""
from geodata.models import Municipality
from practices.models import ParticipationTool, Practice


def test_bulk_created_cases_are_searchable(bialystok):
    tool = ParticipationTool.objects.get(slug="konsultacje")
    Practice.objects.bulk_create([
        Practice(title=f"Konsultacje budżetu {year}", slug=f"k-{year}", tool=tool,
                 municipality=bialystok, year=year, status="published",
                 location=bialystok.point)
        for year in (2020, 2021)
    ])
    assert Practice.objects.search("budzetu").count() == 2
    assert Practice.objects.search("Bialystok").count() == 2


def test_an_update_that_bypasses_save_refreshes_the_vector(bialystok):
    tool = ParticipationTool.objects.get(slug="konsultacje")
    Practice.objects.create(title="Stary tytuł", tool=tool, municipality=bialystok, year=2020)
    Practice.objects.update(title="Rewitalizacja rynku")
    assert Practice.objects.search("rynku").count() == 1
    assert Practice.objects.search("tytuł").count() == 0


def test_renaming_a_gmina_updates_its_cases(bialystok, elk):
    tool = ParticipationTool.objects.get(slug="konsultacje")
    Practice.objects.create(title="Konsultacje", tool=tool, municipality=elk, year=2020)
    Municipality.objects.filter(pk=elk.pk).update(name="Nowa Wola")
    assert Practice.objects.search("Wola").count() == 1
    assert Practice.objects.search("Ełk").count() == 0


def test_moving_a_case_to_another_gmina_updates_its_vector(bialystok, elk):
    tool = ParticipationTool.objects.get(slug="konsultacje")
    case = Practice.objects.create(title="Konsultacje", tool=tool, municipality=elk, year=2020)
    case.municipality, case.location = bialystok, None
    case.save()
    assert Practice.objects.search("Białystok").count() == 1
    assert Practice.objects.search("Ełk").count() == 0
