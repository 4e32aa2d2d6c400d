"""The case page of a participatory budget shows the turnout computed from the gmina's
eligible voters, saying it was computed and from which count."""
import pytest

from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget():
    gmina = make_municipality("2061011", "Białystok", eligible_voters=213_477,
                              eligible_voters_year=2025, eligible_voters_source="PKW")
    return make_practice(gmina, "budzet-obywatelski", 2024, slug="bo-bialystok-2024",
                         facts={"voters": 30512})


def test_the_english_page_labels_the_turnout_as_computed(client, budget):
    html = client.get("/en/practices/bo-bialystok-2024/").content.decode()
    assert ("<dt>Turnout (computed from the eligible voters of the gmina)</dt>"
            "<dd>14.29\u00a0%</dd>") in html
    assert "<dt>Eligible voters of the gmina (2025)</dt><dd>213,477\u00a0persons</dd>" in html


def test_the_polish_page_labels_it_in_polish(client, budget):
    html = client.get("/praktyki/bo-bialystok-2024/").content.decode()
    assert "<dt>Frekwencja (obliczona z liczby uprawnionych do głosowania w gminie)</dt>" in html
    assert "<dd>14,29\u00a0%</dd>" in html
    assert "<dt>Uprawnieni do głosowania w gminie (2025)</dt>" in html
