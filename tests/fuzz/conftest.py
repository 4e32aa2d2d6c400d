"""The fuzzed routes run against the API tests' world (four gminy, cases of every status) plus
nothing else; the client speaks Polish (the default) or English at random per route."""
import pytest
from django.test import Client

from tests.practices.api import world as world_module


@pytest.fixture(scope="module")
def fuzz_world(django_db_setup, django_db_blocker):
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield world_module.build()
        transaction.set_rollback(True)


@pytest.fixture
def fuzz_client(fuzz_world, db):
    # Server errors come back as 500 responses, so one test can list them all.
    return Client(raise_request_exception=False)
