"""Gminy for the catalogue's tests: hand-made squares with real names (tests/factories.py)."""
import pytest

from tests.factories import make_municipality


@pytest.fixture
def bialystok(db):
    return make_municipality("2061011", "Białystok", lon=23.1, lat=53.1)


@pytest.fixture
def elk(db):
    return make_municipality("2807011", "Ełk", lon=22.3, lat=53.8)


@pytest.fixture
def suprasl(db):
    return make_municipality("2010063", "Supraśl", lon=23.3, lat=53.2)


@pytest.fixture
def english():
    """Messages in English, the msgid language (pages in Polish are tested in
    tests/practices/pages)."""
    from django.utils import translation

    with translation.override("en"):
        yield
