"""The statistics page aggregates every published case: it computes once per data version,
and a change to the published cases shows at once."""
import pytest

from practices.models import Status
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def bialystok():
    gmina = make_municipality("2061011", "Białystok")
    make_practice(gmina, "budzet-obywatelski", 2024)
    return gmina


def total_on_page(client):
    return client.get("/en/statistics/").context["tool_year"].total


def grouped_queries(client):
    """The aggregations (GROUP BY) a visit of the statistics page runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/statistics/").status_code == 200
    return [query["sql"] for query in queries.captured_queries if "GROUP BY" in query["sql"]]


def test_a_second_visit_reuses_the_aggregations(client, bialystok):
    assert grouped_queries(client)
    assert grouped_queries(client) == []


def test_a_publication_shows_at_once(client, bialystok):
    assert total_on_page(client) == 1
    draft = make_practice(bialystok, "konsultacje", 2024, status=Status.DRAFT)
    assert total_on_page(client) == 1
    draft.status = Status.PUBLISHED
    draft.save()
    assert total_on_page(client) == 2


def test_an_unpublication_shows_at_once(client, bialystok):
    case = make_practice(bialystok, "konsultacje", 2024)
    assert total_on_page(client) == 2
    case.status = Status.ARCHIVED
    case.save()
    assert total_on_page(client) == 1
