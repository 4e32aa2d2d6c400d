"""The OGC API is read-only and says so: GET and HEAD answer, OPTIONS lists the methods, any
other method is a 405 with Allow (never CSRF's 403, even with CSRF checks enforced), and every
404 under /ogc/ is the service's JSON, as its OpenAPI definition declares."""
import json

import pytest
from django.test import Client

ITEMS = "/ogc/collections/practices/items"
PATHS = ["/ogc/", "/ogc/api", "/ogc/conformance", "/ogc/collections",
         "/ogc/collections/practices", ITEMS, "/ogc/collections/municipalities/items/2061011"]


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_other_methods_are_refused_with_405_and_allow(strict_client, db, path, method):
    response = getattr(strict_client, method)(path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {
        "detail": f"Method {method.upper()} is not allowed: this service is read-only."}


@pytest.mark.parametrize("path", PATHS)
def test_options_lists_the_allowed_methods(strict_client, db, path):
    response = strict_client.options(path)
    assert response.status_code == 200
    assert response["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize(("path", "detail"), [
    ("/ogc/collections/cases", "No such collection."),
    ("/ogc/collections/cases/items", "No such collection."),
    (f"{ITEMS}/abc", "No such feature."),
    (f"{ITEMS}/999999", "No such feature."),
    (f"{ITEMS}/1/2", "No such resource in this service. Start at http://testserver/ogc/."),
    ("/ogc/tiles", "No such resource in this service. Start at http://testserver/ogc/."),
])
def test_what_does_not_exist_is_a_json_404(strict_client, db, path, detail):
    response = strict_client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"detail": detail}


@pytest.mark.parametrize("name", ["f", "crs", "bbox-crs"])
def test_an_empty_choice_is_a_400_naming_it(strict_client, db, name):
    response = strict_client.get(ITEMS, {name: ""})
    assert response.status_code == 400
    assert json.loads(response.content) == {"errors": {name: [
        f"'{name}' is empty: give one of its values or leave it out."]}}
