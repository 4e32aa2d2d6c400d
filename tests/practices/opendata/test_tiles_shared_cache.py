"""With MAPA_TILE_CACHE_DIR the workers of a server share the tiles they build (files in that
folder): a tile one worker built is served by another without building it again, a change
to the data is never answered from an older file, and a folder that cannot be written costs
the cache, not the tile."""
import logging

import mapbox_vector_tile
import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from tests.factories import make_municipality, make_practice
from tests.practices.opendata.test_tiles import tile_of

pytestmark = pytest.mark.django_db

TILE = tile_of(22.35, 53.85, 6)  # a tile of counts per cell over NE Poland


@pytest.fixture
def shared(tmp_path):
    """Each worker's own memory (`default`) and the folder they share (`tiles`)."""
    folder = tmp_path / "tiles"
    with override_settings(CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                    "LOCATION": "a-worker"},
        "tiles": {"BACKEND": "practices.file_cache.SharedFileCache",
                  "LOCATION": str(folder)},
    }):
        yield folder
        caches["tiles"].clear()


def another_worker():
    """What a second process starts with: an empty memory of its own."""
    caches["default"].clear()


def served(client, params=""):
    """(counts per cell, statements that built a tile) of one request of TILE."""
    z, x, y = TILE
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/tiles/practices/{z}/{x}/{y}.mvt{params}")
    assert response.status_code == 200
    layer = mapbox_vector_tile.decode(response.content).get("practices", {"features": []})
    counts = sorted(feature["properties"]["count"] for feature in layer["features"])
    built = sum("ST_AsMVT" in query["sql"] for query in queries.captured_queries)
    return counts, built


@pytest.fixture
def elk():
    return make_municipality("2807011", "Ełk", 22.3, 53.8)


def test_a_tile_one_worker_built_is_served_by_another_without_building_it(client, shared, elk):
    make_practice(elk)
    assert served(client) == ([1], 1)
    another_worker()
    assert served(client) == ([1], 0)
    assert any(shared.iterdir())


def test_a_change_seen_by_another_worker_is_not_answered_from_the_older_file(
        client, shared, elk):
    make_practice(elk)
    assert served(client) == ([1], 1)
    make_practice(elk)
    another_worker()
    assert served(client) == ([2], 1)


def test_a_tile_folder_that_cannot_be_written_costs_the_cache_not_the_tile(
        client, tmp_path, elk, caplog):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    make_practice(elk)
    with override_settings(CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "tiles": {"BACKEND": "practices.file_cache.SharedFileCache",
                  "LOCATION": str(blocked / "tiles")},
    }), caplog.at_level(logging.WARNING, logger="practices.caching"):
        assert served(client) == ([1], 1)
    assert "Cache unavailable, tile computed without it" in caplog.text


def test_the_tile_folder_stays_near_its_size_without_listing_it_on_every_write(tmp_path):
    from unittest import mock

    from practices.file_cache import CULL_CHECK_EVERY, SharedFileCache

    store = SharedFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 200, "CULL_FREQUENCY": 2}})
    writes = 10 * CULL_CHECK_EVERY
    with mock.patch.object(store, "_list_cache_files", wraps=store._list_cache_files) as listed:
        for number in range(writes):
            store.set(f"tile-{number}", b"bytes of a tile")
    kept = len(list(tmp_path.iterdir()))
    assert kept <= 200 + CULL_CHECK_EVERY
    assert listed.call_count <= writes // CULL_CHECK_EVERY + 1 + 10  # checks, and the culls
    assert store.get(f"tile-{writes - 1}") == b"bytes of a tile"


def test_a_full_tile_folder_removes_its_oldest_tiles_and_keeps_the_newest(tmp_path):
    # Tiles of an older data version are never read again: they go first.
    import os

    from practices.file_cache import CULL_CHECK_EVERY, SharedFileCache

    store = SharedFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 100, "CULL_FREQUENCY": 2}})
    for number in range(100):
        store.set(f"old-{number}", b"a tile of an older version")
    for number, path in enumerate(sorted(tmp_path.iterdir())):
        os.utime(path, ns=(number, number))  # written long ago
    for number in range(CULL_CHECK_EVERY + 1):  # past the next check
        store.set(f"new-{number}", b"a current tile")
    assert all(store.get(f"new-{number}") == b"a current tile"
               for number in range(CULL_CHECK_EVERY + 1))
    assert sum(store.get(f"old-{number}") is not None for number in range(100)) < 100
