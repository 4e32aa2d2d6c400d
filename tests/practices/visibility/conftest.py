"""The visibility matrix's world, built once per module (see world.py)."""
import pytest
from django.test import Client

from tests.practices.visibility import world as world_module


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for a module inside a transaction rolled back after its last test; each
    test runs in its own savepoint."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield world_module.build()
        transaction.set_rollback(True)


def client_for(world, role):
    """A client signed in as the role's user (none for anonymous), speaking Polish."""
    client = Client(HTTP_ACCEPT_LANGUAGE="pl")
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


class Fetcher:
    """GETs through one client, each URL once (several cases share a list's URL)."""

    def __init__(self, client):
        self.client = client
        self.answers = {}

    def __call__(self, url):
        if url not in self.answers:
            response = self.client.get(url)
            if response.streaming:  # read once, kept for every case that looks at it
                response.body_bytes = b"".join(response.streaming_content)
            self.answers[url] = response
        return self.answers[url]
