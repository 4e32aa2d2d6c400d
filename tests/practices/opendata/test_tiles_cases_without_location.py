"""A case without its own location is drawn at its gmina's point on the tiles, as on the map's
markers, so that the map shows the same cases whether it draws markers or tiles."""
import mapbox_vector_tile
import pytest
from django.contrib.gis.geos import Point

from tests.factories import make_municipality, make_practice
from tests.practices.opendata.test_tiles import tile_of

pytestmark = pytest.mark.django_db


def test_a_case_without_a_location_is_at_its_gminas_point(client):
    elk = make_municipality("2807011", "Ełk", 22.3, 53.8)
    elk.point = Point(22.35, 53.85, srid=4326)
    elk.save()
    placed = make_practice(elk, location=Point(22.351, 53.851, srid=4326))
    unplaced = make_practice(elk, location=None)
    another = make_practice(elk, location=None)
    z, x, y = tile_of(22.35, 53.85, 14)
    response = client.get(f"/tiles/practices/{z}/{x}/{y}.mvt")
    features = mapbox_vector_tile.decode(response.content)["practices"]["features"]
    assert sorted(f["properties"]["id"] for f in features) == sorted(
        [placed.pk, unplaced.pk, another.pk])
    # A low zoom counts them in the gmina's cell.
    z, x, y = tile_of(22.35, 53.85, 10)
    response = client.get(f"/tiles/practices/{z}/{x}/{y}.mvt")
    features = mapbox_vector_tile.decode(response.content)["practices"]["features"]
    assert [f["properties"] for f in features] == [{"count": 3}]
    # Far from the gmina's point, a tile holds none of them.
    z, x, y = tile_of(21.0, 52.2, 14)
    response = client.get(f"/tiles/practices/{z}/{x}/{y}.mvt")
    assert mapbox_vector_tile.decode(response.content) == {}
