"""Clients that accept gzip get gzip, streamed responses included."""
import gzip

import pytest

from tests.practices.api.factories_bulk import add_cases


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world


@pytest.mark.parametrize("url", ["/api/practices/", "/api/practices/?limit=50",
                                 "/api/municipalities/", "/api/tools/", "/api/stats/"])
def test_a_client_accepting_gzip_gets_the_same_data_compressed(api, world, url):
    add_cases(world["gminy"]["suprasl"], 20)
    plain = api.body(api.get(url))
    packed = api.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    raw = b"".join(packed.streaming_content) if packed.streaming else packed.content
    assert gzip.decompress(raw) == plain
    assert len(raw) < len(plain)


def test_a_client_not_accepting_gzip_gets_plain_json(api, world):
    response = api.get("/api/practices/")
    assert not response.has_header("Content-Encoding")
