import gzip
import json

import pytest
from django.test import Client

from tests.practices.api import world as world_module


@pytest.fixture
def world(db):
    return world_module.build()


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    """The world built once for a module, inside a transaction rolled back after its last
    test; each test still runs in its own savepoint. For modules whose tests may write rows
    but never change the world's objects in memory."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield world_module.build()
        transaction.set_rollback(True)


@pytest.fixture
def api():
    """A client speaking English (error messages are translated; Polish is the default)."""
    return ApiClient(HTTP_ACCEPT_LANGUAGE="en")


class ApiClient(Client):
    def body(self, response):
        """The whole body, whether streamed or not, gunzipped if compressed."""
        data = (
            b"".join(response.streaming_content) if response.streaming else response.content
        )
        if response.get("Content-Encoding") == "gzip":
            data = gzip.decompress(data)
        return data

    def json(self, path, params=None, expect=200, **headers):
        response = self.get(path, params or {}, **headers)
        assert response.status_code == expect, (response.status_code, self.body(response)[:500])
        return json.loads(self.body(response))


def slugs(collection):
    return sorted(feature["properties"]["slug"] for feature in collection["features"])
