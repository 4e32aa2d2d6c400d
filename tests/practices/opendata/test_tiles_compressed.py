"""A client that accepts gzip gets a tile gzip-compressed (built and compressed once, then
served from the server's cache), holding the same features as the uncompressed tile."""
import gzip

import mapbox_vector_tile
import pytest
from django.contrib.gis.geos import Point

from tests.factories import make_municipality, make_practice
from tests.practices.opendata.test_tiles import tile_of

pytestmark = pytest.mark.django_db


def test_a_compressed_tile_holds_the_same_features_as_the_plain_one(client):
    elk = make_municipality("2807011", "Ełk", 22.3, 53.8)
    # A zoom-14 tile (0.022° wide) with a point per case: enough bytes to compress.
    for number in range(40):
        make_practice(elk, location=Point(22.347 + number / 2000, 53.85, srid=4326))
    z, x, y = tile_of(22.357, 53.85, 14)
    path = f"/tiles/practices/{z}/{x}/{y}.mvt"
    plain = client.get(path)
    assert "Content-Encoding" not in plain
    for _ in range(2):  # built, then from the cache
        compressed = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert compressed["Content-Encoding"] == "gzip"
        assert compressed["Content-Type"] == "application/vnd.mapbox-vector-tile"
        assert "Accept-Encoding" in compressed["Vary"]
        assert len(compressed.content) < len(plain.content)
        assert gzip.decompress(compressed.content) == plain.content
    features = mapbox_vector_tile.decode(plain.content)["practices"]["features"]
    assert len(features) == 40
