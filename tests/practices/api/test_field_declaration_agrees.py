"""The one declaration of a case's public fields (practices.fields.CaseFields) is what the API
writes and documents: a real streamed feature, a paged feature and a real detail have exactly
its keys in its order, and the OpenAPI document lists exactly its properties, types, required
and nullable flags, with examples that validate."""
import json

import pytest
from openapi_schema_validator import OAS30Validator

from practices.api.cases import DETAIL_EXAMPLE, LIST_EXAMPLE, PAGE_EXAMPLE
from practices.domain.declaration import Type
from practices.fields import CaseFields


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world


@pytest.fixture
def spec(api, db):
    return api.json("/api/schema/", {"format": "json"})


def names(view):
    return [field.name for field in CaseFields.properties(view)]


def parse(api, response):
    assert response.status_code == 200
    return json.loads(api.body(response))  # dicts keep the order of the text


FEATURE_MEMBERS = ["type", "id", "geometry", "properties"]


def test_a_streamed_feature_has_the_declared_summary_keys_in_order(api, world):
    features = parse(api, api.get("/api/practices/"))["features"]
    assert len(features) == 7
    for feature in features:
        assert list(feature) == FEATURE_MEMBERS
        assert list(feature["properties"]) == names("summary")


def test_a_paged_feature_has_the_declared_summary_keys_in_order(api, world):
    features = parse(api, api.get("/api/practices/", {"limit": 2, "offset": 1}))["features"]
    assert len(features) == 2
    for feature in features:
        assert list(feature) == FEATURE_MEMBERS
        assert list(feature["properties"]) == names("summary")


def test_the_detail_has_the_declared_detail_keys_in_order(api, world):
    detail = parse(api, api.get("/api/practices/konsultacje-bialystok-2020/"))
    assert list(detail) == FEATURE_MEMBERS
    assert list(detail["properties"]) == names("detail")
    for field in CaseFields.properties("detail"):
        if field.nested:
            assert list(detail["properties"][field.name]) == list(field.nested.fields)


# The OpenAPI schema each declared type must have, written out here independently of the
# serializers that derive it (a field with allowed values is an enum of them instead).
EXPECTED_TYPES = {
    Type.INTEGER: {"type": "integer"},
    Type.TEXT: {"type": "string"},
    Type.SLUG: {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
    Type.TERYT: {"type": "string", "pattern": r"^\d{7}$"},
    Type.MARKDOWN: {"type": "string"},
    Type.HTML: {"type": "string"},
    Type.DATE: {"type": "string", "format": "date"},
    Type.DATETIME: {"type": "string", "format": "date-time"},
    Type.BOOLEAN: {"type": "boolean"},
    Type.URL: {"type": "string", "format": "uri"},
    Type.PATH: {"type": "string"},
    Type.LINKS: {"type": "array", "items": {"$ref": "#/components/schemas/Link"}},
    Type.FACTS: {"type": "object", "additionalProperties": True},
}


def resolve(spec, schema):
    """The schema with $ref/allOf/oneOf of components inlined, and documentation-only keys
    (readOnly, description) dropped."""
    schema = dict(schema)
    for key in ("readOnly", "description", "title"):
        schema.pop(key, None)
    if "allOf" in schema and len(schema["allOf"]) == 1:
        schema = {**resolve(spec, schema.pop("allOf")[0]), **schema}
    if "$ref" in schema and schema["$ref"].endswith("Values"):  # a set of allowed values
        schema = {**resolve(spec, component(spec, schema.pop("$ref"))), **schema}
    return schema


def component(spec, ref):
    return spec["components"]["schemas"][ref.rsplit("/", 1)[1]]


def assert_component_is_declared(spec, name, fields, nested=True):
    """Component `name` lists exactly `fields`, in order, all required, each with its
    declared type, allowed values and nullability; with `nested`, a field the detail shows
    as an Object is that Object's component."""
    schema = spec["components"]["schemas"][name]
    assert list(schema["properties"]) == [field.name for field in fields]
    assert sorted(schema["required"]) == sorted(field.name for field in fields)
    for field in fields:
        got = resolve(spec, schema["properties"][field.name])
        assert got.pop("nullable", False) == field.nullable, field.name
        if nested and field.nested:
            assert got == {"$ref": f"#/components/schemas/{field.nested.name}"}, field.name
            assert_component_is_declared(spec, field.nested.name,
                                         list(field.nested.fields.values()))
        elif field.values is not None:
            assert got == {"type": "string", "enum": list(field.values)}, field.name
        else:
            assert got == EXPECTED_TYPES[field.type], field.name


def test_the_summary_component_lists_exactly_the_declared_summary_fields(spec):
    assert_component_is_declared(spec, "PracticeSummary", CaseFields.properties("summary"),
                                 nested=False)


def test_the_detail_component_lists_exactly_the_declared_detail_fields(spec):
    assert_component_is_declared(spec, "PracticeProperties", CaseFields.properties("detail"))


def test_the_feature_members_are_the_declared_id_and_geometry(spec):
    for name in ("PracticeSummaryFeature", "PracticeDetail"):
        properties = spec["components"]["schemas"][name]["properties"]
        assert resolve(spec, properties["id"]) == {"type": "integer"}
        assert resolve(spec, properties["geometry"]) == {
            "$ref": "#/components/schemas/PointGeometry"}


def example(spec, path, name):
    content = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/geo+json"]
    return content["schema"], content["examples"][name]["value"]


@pytest.mark.parametrize(("path", "name", "built"), [
    ("/api/practices/", "WholeSelection", LIST_EXAMPLE),
    ("/api/practices/", "APage", PAGE_EXAMPLE),
    ("/api/practices/{slug}/", "ACase", DETAIL_EXAMPLE),
])
def test_the_examples_are_the_declared_values_and_validate(spec, path, name, built):
    schema, value = example(spec, path, name)
    assert value == json.loads(json.dumps(built))
    errors = list(OAS30Validator({**schema, "components": spec["components"]}).iter_errors(value))
    assert not errors, [error.message for error in errors[:5]]
    feature = value.get("features", [value])[0]
    view = "detail" if path.endswith("{slug}/") else "summary"
    assert feature["id"] == CaseFields.id.example
    assert feature["properties"] == {
        field.name: field.example if view == "summary" else field.detail_example()
        for field in CaseFields.properties(view)
    }
