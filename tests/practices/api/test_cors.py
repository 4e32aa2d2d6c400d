"""Any origin may read the API, without credentials."""
import pytest


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world


@pytest.mark.parametrize("url", ["/api/practices/", "/api/municipalities/", "/api/tools/",
                                 "/api/schema/"])
def test_any_origin_may_read_it(api, world, url):
    response = api.get(url, HTTP_ORIGIN="https://partner.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.has_header("Access-Control-Allow-Credentials")


def test_the_validators_are_readable_cross_origin(api, world):
    response = api.get("/api/practices/", HTTP_ORIGIN="https://partner.example.org")
    exposed = {h.strip().lower() for h in response["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "last-modified"} <= exposed


def test_a_preflight_allows_reading_only(api, world):
    response = api.options(
        "/api/practices/", HTTP_ORIGIN="https://partner.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    methods = {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")}
    assert methods == {"GET", "HEAD", "OPTIONS"}


def test_a_304_carries_the_cors_header_too(api, world):
    etag = api.get("/api/practices/")["ETag"]
    response = api.get("/api/practices/", HTTP_ORIGIN="https://partner.example.org",
                       HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["Access-Control-Allow-Origin"] == "*"


def test_pages_outside_the_api_are_not_opened_to_other_origins(api, world):
    response = api.get("/admin/login/", HTTP_ORIGIN="https://partner.example.org")
    assert not response.has_header("Access-Control-Allow-Origin")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_is_not_allowed(api, world, method):
    assert getattr(api, method)("/api/practices/").status_code == 405
