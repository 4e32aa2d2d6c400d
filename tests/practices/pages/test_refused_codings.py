"""A coding the client refuses with a weight of 0 is never sent (RFC 9110, 12.5.3): not gzip
from GZipMiddleware, not Brotli for the map's pages, not on static files
(practices/pages/codings.py)."""
import gzip

import brotli
import pytest
from hypothesis import given
from hypothesis import strategies as st

from practices.pages.codings import without_refused

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.mark.parametrize("path", ["/api/tools/", "/en/tools/", "/static/css/site.css"])
@pytest.mark.parametrize("accepted", ["gzip;q=0", "gzip; q=0.000, deflate;q=0", "GZIP;Q=0",
                                      "identity, gzip;q=0, br;q=0"])
def test_a_client_refusing_gzip_gets_the_plain_body(client, path, accepted):
    response = client.get(path, HTTP_ACCEPT_ENCODING=accepted)
    assert response.status_code == 200
    assert "Content-Encoding" not in response


def test_a_client_refusing_brotli_gets_the_map_page_in_gzip(client):
    response = client.get("/", HTTP_ACCEPT_ENCODING="br;q=0, gzip;q=0.5")
    assert response["Content-Encoding"] == "gzip"
    assert b"<!DOCTYPE html>" in gzip.decompress(response.content)


def test_weights_above_zero_keep_their_coding(client):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip;q=0.1, br;q=0.001")
    assert response["Content-Encoding"] == "br"
    assert b"<!DOCTYPE html>" in brotli.decompress(response.content)
    assert client.get("/api/tools/", HTTP_ACCEPT_ENCODING="gzip;q=1")[
        "Content-Encoding"] == "gzip"


@pytest.mark.parametrize("header, expected", [
    ("gzip, deflate, br, zstd", "gzip, deflate, br, zstd"),
    ("gzip;q=0, br", "br"),
    ("br;q=0.0, gzip;q=0.8", "gzip;q=0.8"),
    ("gzip;q=0.01", "gzip;q=0.01"),
    ("gzip;q=0.0001", "gzip;q=0.0001"),  # not a valid weight: not read as a refusal
    ("*;q=0", ""),
    ("gzip;level=1;q=0", ""),
])
def test_the_refused_items_are_removed_and_the_rest_kept(header, expected):
    assert without_refused(header) == expected


@given(st.lists(st.tuples(st.sampled_from(["gzip", "br", "deflate", "zstd", "*", "x"]),
                          st.sampled_from(["", ";q=0", ";q=0.000", ";q=0.5", ";q=1", " ; Q = 0"]))))
def test_no_refused_coding_survives_and_no_accepted_one_is_lost(items):
    header = ", ".join(coding + weight for coding, weight in items)
    kept = [part.strip() for part in without_refused(header).split(",") if part.strip()]
    expected = [coding + weight for coding, weight in items
                if weight.replace(" ", "").lower() not in (";q=0", ";q=0.000")]
    assert kept == [item.strip() for item in expected]


@given(st.text())
def test_any_header_is_read_without_failing(header):
    assert isinstance(without_refused(header), str)
