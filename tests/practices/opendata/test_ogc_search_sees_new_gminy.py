"""An OGC items search matches cases by their gmina's name, and the gminy are data: a gmina
added after the same search was asked is found the next time it is asked (the service keeps
compiled statements, never a search's, which depends on the gminy)."""
import pytest

from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db

# Misspelt and without diacritics: only the gmina name's trigram similarity finds Zabłudów,
# not the full-text index.
ITEMS = "/ogc/collections/practices/items?q=Zablodow&limit=1000"


def matched(client):
    response = client.get(ITEMS)
    assert response.status_code == 200
    page = response.json()
    return page["numberMatched"], [feature["id"] for feature in page["features"]]


def test_a_search_finds_a_gmina_added_after_it_was_first_asked(client):
    elk = make_municipality("2807011", "Ełk", 22.3, 53.8)
    make_practice(elk, title="Budżet obywatelski")
    assert matched(client) == (0, [])
    zabludow = make_municipality("2010072", "Zabłudów", 23.3, 53.0)
    case = make_practice(zabludow, title="Budżet obywatelski")
    assert matched(client) == (1, [case.pk])
