"""Every response, pages, API, static files, errors and the embed alike, carries the browser
policies: Referrer-Policy, X-Content-Type-Options, Permissions-Policy and a Content Security
Policy that allows only our own scripts (no eval; no inline script but those the map's pages
wrote in, each by its digest: test_map_script_is_one_bundle.py), no plugins and no foreign
<base>. The API knows no Basic (or any other) authentication."""
import base64

import pytest

from practices.pages.framing import directives
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db

PATHS = [
    "/", "/en/", "/praktyki/bo-2020/", "/gminy/2061011/", "/statystyki/", "/narzedzia/",
    "/embed/", "/api/practices/", "/api/schema/", "/api/docs/", "/healthz",
    "/admin/login/", "/static/css/site.css", "/no-such-page/", "/api/practices/?year=abc",
]


@pytest.fixture(autouse=True)
def world():
    make_practice(make_municipality("2061011", "Białystok"), slug="bo-2020")


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_browser_policies(client, path):
    response = client.get(path)
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"][0] == "'self'"
    assert all(source.startswith("'sha256-") for source in policy["script-src"][1:])
    assert len(policy["script-src"]) == (3 if path in ("/", "/en/", "/embed/") else 1)
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]


def test_the_tile_server_is_the_only_foreign_image_source(client, settings):
    settings.MAPA_TILE_URL = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    policy = directives(client.get("/")["Content-Security-Policy"])
    assert policy["img-src"] == ["'self'", "data:", "https://*.tiles.example.org"]


@pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/", "/api/practices/"])
def test_basic_credentials_are_ignored_by_the_api(client, path, member):
    wrong = base64.b64encode(b"alice:wrong-password").decode()
    response = client.get(path, HTTP_AUTHORIZATION=f"Basic {wrong}")
    assert response.status_code == 200
    assert "WWW-Authenticate" not in response


def test_the_schema_declares_no_authentication(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert "securitySchemes" not in schema.get("components", {})
    assert all("security" not in operation for item in schema["paths"].values()
               for operation in item.values())
