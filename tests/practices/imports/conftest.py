"""Gminy the import tests look up: Białystok, the three Bolesławiec gminy (urban and rural in
dolnośląskie, urban-rural in łódzkie), the Pabulib cities and a town with a rural namesake."""
import pytest

from tests.factories import make_municipality, make_voivodeship

GMINY = (
    ("2061011", "Białystok", "20", "podlaskie"),
    ("0201011", "Bolesławiec", "02", "dolnośląskie"),
    ("0201022", "Bolesławiec", "02", "dolnośląskie"),
    ("1018013", "Bolesławiec", "10", "łódzkie"),
    ("2261011", "Gdańsk", "22", "pomorskie"),
    ("2262011", "Gdynia", "22", "pomorskie"),
    ("2478011", "Zabrze", "24", "śląskie"),
    ("2204042", "Pruszcz Gdański", "22", "pomorskie"),
    ("2204011", "Pruszcz Gdański", "22", "pomorskie"),
)


@pytest.fixture(scope="module")
def module_gminy(django_db_setup, django_db_blocker):
    """The gminy, made once for a module (about 75 queries, a second on a busy machine) in a
    transaction its tests share; each test runs in a savepoint (`db`) that rolls back what it
    wrote. The whole is rolled back at the module's end."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        made = {}
        for number, (teryt, name, voivodeship, voivodeship_name) in enumerate(GMINY):
            make_voivodeship(voivodeship, voivodeship_name)
            made[teryt] = make_municipality(teryt, name, lon=14.5 + number * 0.2, lat=50.0)
        yield made
        transaction.set_rollback(True)


@pytest.fixture
def gminy(module_gminy, db):
    return module_gminy
