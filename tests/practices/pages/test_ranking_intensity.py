"""The ranking's intensity score counts cases per 10,000 eligible voters of the gmina (the
imported PKW count), not per resident: a population alone earns no intensity."""
import pytest
from django.utils import timezone

from practices import stats
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


def row_of(name):
    return next(row for row in stats.participation_ranking().rows if row.name == name)


def test_intensity_is_cases_per_10000_eligible_voters(db):
    # 2 cases / 8,000 voters = 2.5 per 10,000; 5 earn the full score, so 50.
    gmina = make_municipality("2012052", "Raczki", eligible_voters=8_000, population=20_000)
    make_practice(gmina, "budzet-obywatelski", YEAR)
    make_practice(gmina, "budzet-obywatelski", YEAR - 1)

    row = row_of("Raczki")

    assert (row.eligible_voters, row.editions_per_10k, row.intensity) == (8_000, 2.5, 50.0)
    # breadth 10, regularity 40, intensity 50
    assert row.index == round((10 + 40 + 50) / 3, 1)


def test_intensity_is_capped_at_the_full_score(db):
    gmina = make_municipality("2012052", "Raczki", eligible_voters=4_305)
    for year in (YEAR, YEAR - 1, YEAR - 2):
        make_practice(gmina, "konsultacje", year)

    row = row_of("Raczki")

    assert (row.editions_per_10k, row.intensity) == (6.97, 100.0)


def test_a_gmina_with_a_population_but_no_voter_count_has_no_intensity(db):
    gmina = make_municipality("2012052", "Raczki", population=6_000)
    make_practice(gmina, "konsultacje", YEAR)

    row = row_of("Raczki")

    assert (row.eligible_voters, row.editions_per_10k, row.intensity) == (None, None, None)
    assert row.index == round((10 + 20) / 2, 1)
