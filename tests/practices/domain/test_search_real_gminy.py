"""Gmina-name search among the real names of podlaskie and warmińsko-mazurskie: a name typed
without diacritics, or inflected, finds that gmina's cases and no similarly named one."""
import pytest

from practices.models import Practice
from tests.factories import make_practice


@pytest.fixture
def cases(ne_boundaries):
    for name in ("Ełk", "Elbląg", "Białystok", "Bielsk Podlaski", "Łomża", "Suwałki"):
        gmina = ne_boundaries.get(name=name, type="1")
        make_practice(gmina, title=f"Konsultacje społeczne {gmina.teryt}")
    return ne_boundaries


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("Elk", {"Ełk"}),
        ("Elku", {"Ełk"}),
        ("Elblag", {"Elbląg"}),
        ("Bialystok", {"Białystok"}),
        ("Bielsk", {"Bielsk Podlaski"}),
        ("Lomzy", {"Łomża"}),
        ("Suwalkach", {"Suwałki"}),
        ("konsultacje Elk", {"Ełk"}),
    ],
)
def test_a_gmina_name_without_diacritics_finds_only_that_gminas_cases(cases, query, names):
    found = Practice.objects.search(query).values_list("municipality__name", flat=True)
    assert set(found) == names
