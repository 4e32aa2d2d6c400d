"""The map's pages, which carry their styles and scripts, go Brotli-compressed to anonymous
visitors whose browser accepts it, compressed once per distinct page and then kept; a member's
page and every other page stay with gzip (practices/pages/compression.py)."""
import gzip

import brotli
import pytest

from practices.pages import compression

pytestmark = pytest.mark.django_db
BROWSER = "gzip, deflate, br, zstd"


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.mark.parametrize("path", ["/", "/en/?view=choropleth", "/embed/?tool=referendum"])
def test_an_anonymous_visitor_gets_the_page_in_brotli(client, path):
    plain = client.get(path, HTTP_ACCEPT_ENCODING="identity")
    response = client.get(path, HTTP_ACCEPT_ENCODING=BROWSER)
    assert response["Content-Encoding"] == "br"
    assert "Accept-Encoding" in response["Vary"]
    assert int(response["Content-Length"]) == len(response.content)
    assert brotli.decompress(response.content) == plain.content
    # A fraction of the page: it carries 270 KB of styles and scripts.
    assert len(response.content) < len(plain.content) / 3


def test_a_page_is_compressed_once_and_kept(client, monkeypatch):
    calls = []
    real = brotli.compress
    monkeypatch.setattr(compression.brotli, "compress",
                        lambda data, **options: calls.append(1) or real(data, **options))
    first = client.get("/", HTTP_ACCEPT_ENCODING=BROWSER).content
    second = client.get("/", HTTP_ACCEPT_ENCODING=BROWSER).content
    assert first == second and len(calls) == 1
    # Another page, its own bytes.
    client.get("/?tool=referendum", HTTP_ACCEPT_ENCODING=BROWSER)
    assert len(calls) == 2


def test_a_request_with_cookies_is_left_to_gzip(client):
    client.cookies["sessionid"] = "anything"
    response = client.get("/", HTTP_ACCEPT_ENCODING=BROWSER)
    assert response["Content-Encoding"] == "gzip"
    assert b"<!DOCTYPE html>" in gzip.decompress(response.content)


@pytest.mark.parametrize("path, accepted, encoding", [
    ("/", "gzip, deflate", "gzip"),
    ("/en/tools/", BROWSER, "gzip"),
    ("/api/tools/", BROWSER, "gzip"),
])
def test_otherwise_gzip_as_everywhere(client, path, accepted, encoding):
    assert client.get(path, HTTP_ACCEPT_ENCODING=accepted)["Content-Encoding"] == encoding


def test_an_error_page_is_not_kept(client):
    response = client.get("/?year=abc", HTTP_ACCEPT_ENCODING=BROWSER)
    # The map answers an invalid address with the page itself (the script drops what is
    # invalid): still the page, still compressed.
    assert response.status_code == 200 and response["Content-Encoding"] == "br"
    missing = client.get("/no-such-page/", HTTP_ACCEPT_ENCODING=BROWSER)
    assert missing.status_code == 404 and missing.get("Content-Encoding") != "br"
