"""/api/schema/ is a valid OpenAPI 3 document; its examples and the real responses both
match the response schemas it publishes."""
import json

import pytest
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate

GEOJSON, JSON = "application/geo+json", "application/json"


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world


@pytest.fixture
def spec(api, db):
    response = api.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return json.loads(response.content)


def schema_of(spec, path, status="200", media=None):
    content = spec["paths"][path]["get"]["responses"][status]["content"]
    media = media or next(iter(content))
    return content[media]


def validator(spec, schema):
    """A validator for `schema` that resolves the document's #/components references."""
    return OAS30Validator({**schema, "components": spec["components"]})


def assert_matches(spec, schema, instance):
    errors = sorted(validator(spec, schema).iter_errors(instance), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_it_is_a_valid_openapi_document(spec):
    validate(spec)
    assert spec["openapi"].startswith("3.")


def test_every_endpoint_is_documented(spec):
    assert set(spec["paths"]) == {
        "/api/practices/", "/api/practices/{slug}/", "/api/municipalities/",
        "/api/municipalities/{teryt}/", "/api/tools/", "/api/stats/", "/api/points/",
        "/api/points/{id}/",
    }


def test_collections_are_documented_as_geojson_and_errors_as_json(spec):
    for path in ("/api/practices/", "/api/municipalities/"):
        responses = spec["paths"][path]["get"]["responses"]
        assert list(responses["200"]["content"]) == [GEOJSON]
        assert list(responses["400"]["content"]) == [JSON]


def test_every_filter_is_a_documented_parameter(spec):
    names = {p["name"] for p in spec["paths"]["/api/practices/"]["get"]["parameters"]}
    assert names == {"tool", "year", "year_from", "year_to", "municipality", "county",
                     "voivodeship", "bbox", "q", "limit", "offset", "sort"}


def examples(spec):
    for path, item in spec["paths"].items():
        for status, response in item["get"]["responses"].items():
            for content in response.get("content", {}).values():
                for name, example in content.get("examples", {}).items():
                    yield f"{path} {status} {name}", content, example["value"]


def test_the_document_has_examples(spec):
    assert len(list(examples(spec))) >= 5


def test_every_example_matches_its_schema(spec):
    for _label, content, value in examples(spec):
        assert_matches(spec, content["schema"], value)


REAL = [
    ("/api/practices/", {}, "200"),
    ("/api/practices/", {"tool": "budzet-obywatelski"}, "200"),  # with the sample note
    ("/api/practices/", {"limit": 2, "offset": 2}, "200"),
    ("/api/practices/", {"year": "1995"}, "200"),
    ("/api/practices/", {"year": "1"}, "400"),
    ("/api/practices/{slug}/", {}, "200"),
    ("/api/practices/{slug}/", {"sample": True}, "200"),
    ("/api/practices/{slug}/", {"missing": True}, "404"),
    ("/api/municipalities/", {}, "200"),
    ("/api/municipalities/", {"bbox": "x"}, "400"),
    ("/api/municipalities/{teryt}/", {}, "200"),
    ("/api/municipalities/{teryt}/", {"missing": True}, "404"),
    ("/api/tools/", {}, "200"),
    ("/api/stats/", {}, "200"),
    ("/api/stats/", {"by": "voivodeship"}, "200"),
    ("/api/stats/", {"by": "tool,year,voivodeship"}, "200"),
    ("/api/stats/", {"by": "municipality,tool"}, "200"),
    ("/api/practices/", {"sort": "-year", "limit": 2}, "200"),
    ("/api/points/", {}, "200"),
    ("/api/points/", {"voivodeship": "20"}, "200"),
    ("/api/points/", {"tool": "nope"}, "400"),
    ("/api/points/{id}/", {}, "200"),
    ("/api/points/{id}/", {"sample": True}, "200"),
    ("/api/points/{id}/", {"missing": True}, "404"),
]


@pytest.mark.parametrize(("path", "params", "status"), REAL,
                         ids=[f"{p}{q}" for p, q, _ in REAL])
def test_real_responses_match_the_schema(api, world, spec, path, params, status):
    params = dict(params)
    slug = "bo-elk-2020" if params.pop("sample", False) else "konsultacje-bialystok-2020"
    missing = params.pop("missing", False)
    url = path.replace("{slug}", "no-such-case" if missing else slug).replace(
        "{teryt}", "2061021" if missing else "2061011").replace(
        "{id}", "999999999" if missing else str(world["cases"][slug].pk))
    response = api.get(url, params)
    assert str(response.status_code) == status
    content = schema_of(spec, path, status, response["Content-Type"])
    assert_matches(spec, content["schema"], json.loads(api.body(response)))


def test_the_detail_example_has_the_shape_of_a_real_case(api, world, spec):
    example = next(v for label, _c, v in examples(spec)
                   if label.startswith("/api/practices/{slug}/ 200"))
    real = api.json("/api/practices/konsultacje-bialystok-2020/")
    assert set(example) == set(real)
    assert set(example["properties"]) == set(real["properties"])


@pytest.mark.parametrize("path", ["/api/practices/", "/api/municipalities/"])
def test_examples_have_the_shape_of_real_features(api, world, spec, path):
    example = next(v for label, _c, v in examples(spec) if label.startswith(f"{path} 200"))
    real = api.json(path)["features"][0]
    assert set(example["features"][0]) == set(real)
    assert set(example["features"][0]["properties"]) == set(real["properties"])
