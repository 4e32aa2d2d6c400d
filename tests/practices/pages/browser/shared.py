"""Fixtures for browser modules whose tests only read: their data is committed once per
module and the tables are emptied once at its end, instead of after every test.

A test using `site` is transactional: pytest-django empties every table after it (about half
a second), and the next test imports the boundaries and its cases again. A module whose tests
only read instead binds its fixtures to these, in one line:
    site, cases = shared_site, shared_cases
Each of its tests still fails if it changed the number of rows in any table.
"""
import pytest

from tests.conftest import load_ne_boundaries
from tests.practices.pages.browser.conftest import TILE_URL, make_cases, make_uneven_cases


@pytest.fixture(scope="session")
def shared_server():
    """A live server of its own, so that the tests using it are not made transactional (as
    pytest-django makes every test naming `live_server`)."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    yield server
    server.stop()


class SharedData:
    """Committed rows for one module, written through `load` while the module runs."""

    def __init__(self, blocker):
        self.blocker = blocker

    def load(self, make):
        """Runs `make()` (which writes through the ORM) with committed writes."""
        with self.blocker.unblock():
            return make()


def row_counts():
    """The number of rows in every table: what a test that only reads must leave as it
    found it."""
    from django.db import connection

    tables = sorted(connection.introspection.table_names(include_views=False))
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(
            f"SELECT %s, count(*) FROM {connection.ops.quote_name(t)}" for t in tables
        ), tables)  # nosec B608: table names from the database's own catalogue
        return dict(cursor.fetchall())


@pytest.fixture(scope="module")
def shared_data(django_db_setup, django_db_blocker):
    """The real NE boundaries, committed for the module; every table emptied at its end (with
    Django's flush, as a transactional test ends, so the reference data comes back)."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        load_ne_boundaries()
    yield SharedData(django_db_blocker)
    with django_db_blocker.unblock():
        call_command("flush", verbosity=0, interactive=False, reset_sequences=False)


@pytest.fixture
def shared_site(shared_server, shared_data, settings, db):
    """`site` for a module whose tests only read: the shared live server over the module's
    committed data. `db` gives the test's own queries a transaction that sees that data."""
    settings.MAPA_TILE_URL = TILE_URL
    before = row_counts()
    shared_server._live_server_modified_settings.enable()
    yield shared_server
    shared_server._live_server_modified_settings.disable()
    changed = {t: (n, after) for t, after in row_counts().items() if (n := before.get(t)) != after}
    assert not changed, (
        f"this test wrote {changed} (rows before, after) in a module of tests that only read:"
        " give it the transactional `site` in a module of its own")


@pytest.fixture(scope="module")
def shared_known_cases(shared_data):
    return shared_data.load(make_cases)


@pytest.fixture
def shared_cases(shared_known_cases):
    """`cases`, loaded once for the module (see shared_site)."""
    return shared_known_cases


@pytest.fixture(scope="module")
def shared_uneven_data(shared_data):
    return shared_data.load(make_uneven_cases)


@pytest.fixture
def shared_uneven_cases(shared_uneven_data):
    """`uneven_cases`, loaded once for the module (see shared_site)."""
    return shared_uneven_data
