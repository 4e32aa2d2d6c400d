"""The server keeps each tile's bytes until the data changes: a tile served again after a case
was added, edited or deleted shows the change, and tiles of different selections are never
mixed up."""
import mapbox_vector_tile
import pytest
from django.contrib.gis.geos import Point

from tests.factories import make_municipality, make_practice
from tests.practices.opendata.test_tiles import tile_of

pytestmark = pytest.mark.django_db

TILE = tile_of(22.35, 53.85, 15)  # a point per case (low zooms: test_tiles_clusters.py)


def tile_ids(client, params=""):
    z, x, y = TILE
    response = client.get(f"/tiles/practices/{z}/{x}/{y}.mvt{params}")
    assert response.status_code == 200
    features = mapbox_vector_tile.decode(response.content).get("practices", {"features": []})
    return {feature["properties"]["id"]: feature["properties"]["year"]
            for feature in features["features"]}


@pytest.fixture
def elk():
    return make_municipality("2807011", "Ełk", 22.3, 53.8)


def at_elk(elk, **fields):
    return make_practice(elk, location=Point(22.35, 53.85, srid=4326), **fields)


def test_a_tile_served_again_shows_a_case_added_since(client, elk):
    first = at_elk(elk)
    assert tile_ids(client) == {first.pk: 2024}
    second = at_elk(elk)
    assert tile_ids(client) == {first.pk: 2024, second.pk: 2024}


def test_a_tile_served_again_shows_an_edit_and_a_deletion(client, elk):
    kept, deleted = at_elk(elk), at_elk(elk)
    assert tile_ids(client) == {kept.pk: 2024, deleted.pk: 2024}
    kept.year = 2019
    kept.save()
    assert tile_ids(client) == {kept.pk: 2019, deleted.pk: 2024}
    deleted.delete()
    assert tile_ids(client) == {kept.pk: 2019}


def test_tiles_of_different_selections_are_not_mixed_up(client, elk):
    budget = at_elk(elk, tool_slug="budzet-obywatelski")
    referendum = at_elk(elk, tool_slug="referendum")
    assert tile_ids(client, "?tool=budzet-obywatelski") == {budget.pk: 2024}
    assert tile_ids(client, "?tool=referendum") == {referendum.pk: 2024}
    assert tile_ids(client) == {budget.pk: 2024, referendum.pk: 2024}
