"""The OpenAPI 3.0 definition of the OGC API – Features service at /ogc/ (`/ogc/api`).

Rules:
- Every parameter's schema is what its parser accepts (params.py, and the case filters'
  schemas from practices.parameter_schemas), so a client, and schemathesis, can tell a valid
  request from one the service refuses. Two rules no schema can express stay in the
  descriptions only: a `datetime` interval must not end before it starts, and a box's minimum
  latitude (in projected systems: either minimum) must not exceed its maximum.
- Every response the service gives is declared with its media types: JSON or GeoJSON by
  default, HTML with `f=html`, the 400 {"errors": {parameter: [messages]}} and the 404
  {"detail": message} (every 404 under /ogc/ is that JSON).
- The standard parameters keep the shapes OGC API – Features Part 1 and 2 give them (bbox an
  array of 4 or 6 numbers, form style, not exploded; crs and bbox-crs URIs).
"""
from django.urls import reverse

from practices.filters import CASE_PARAMETERS
from practices.opendata.ogc import documents
from practices.opendata.ogc.documents import GEOJSON, HTML, JSON, OPENAPI
from practices.opendata.ogc.params import CRS, DEFAULT_LIMIT, MAX_LIMIT
from practices.parameter_schemas import PARAMETER_SCHEMAS

_INSTANT = (r"[0-9]{4}(?:-[0-9]{2}-[0-9]{2}(?:[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?"
            r"(?:[Zz]|[+-][0-9]{2}:[0-9]{2}))?)?")
# A year, date or date-time; `..` (any time); or an interval with at least one end.
DATETIME = {"type": "string", "pattern": rf"^ *(?:\.\.|(?:\.\.)?/{_INSTANT}|{_INSTANT}"
                                         rf"(?:/(?:{_INSTANT}|\.\.)?)?)? *$"}
BBOX = {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"},
        "not": {"minItems": 5, "maxItems": 5}}

_LINK = {"type": "object", "required": ["href", "rel"], "properties": {
    "href": {"type": "string"}, "rel": {"type": "string"}, "type": {"type": "string"},
    "title": {"type": "string"}}}
_LINKS = {"type": "array", "items": _LINK}
_COLLECTION = {"type": "object", "required": ["id", "links"], "properties": {
    "id": {"type": "string"}, "title": {"type": "string"}, "description": {"type": "string"},
    "links": _LINKS, "extent": {"type": "object"}, "itemType": {"type": "string"},
    "crs": {"type": "array", "items": {"type": "string"}}, "storageCrs": {"type": "string"}}}
_FEATURE = {"type": "object", "required": ["type", "geometry", "properties"], "properties": {
    "type": {"type": "string", "enum": ["Feature"]},
    "id": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
    "geometry": {"type": "object", "nullable": True},
    "properties": {"type": "object", "nullable": True},
    "links": _LINKS}}
SCHEMAS = {
    "landing": {"type": "object", "required": ["links"], "properties": {
        "title": {"type": "string"}, "description": {"type": "string"}, "links": _LINKS}},
    "conformance": {"type": "object", "required": ["conformsTo"], "properties": {
        "conformsTo": {"type": "array", "items": {"type": "string"}}}},
    "collections": {"type": "object", "required": ["links", "collections"], "properties": {
        "links": _LINKS, "collections": {"type": "array", "items": _COLLECTION},
        "crs": {"type": "array", "items": {"type": "string"}}}},
    "collection": _COLLECTION,
    "featureCollection": {"type": "object", "required": ["type", "features"], "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {"type": "array", "items": _FEATURE},
        "links": _LINKS, "timeStamp": {"type": "string", "format": "date-time"},
        "numberMatched": {"type": "integer", "minimum": 0},
        "numberReturned": {"type": "integer", "minimum": 0}}},
    "feature": _FEATURE,
    "errors": {"type": "object", "required": ["errors"], "properties": {"errors": {
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}}}}},
    "notFound": {"type": "object", "required": ["detail"],
                 "properties": {"detail": {"type": "string"}}},
}


def _parameter(name, description, schema, explode=False):
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema, "style": "form", "explode": explode}


def _ok(media_type, schema, headers=None):
    response = {"description": "OK", "content": {
        media_type: {"schema": {"$ref": f"#/components/schemas/{schema}"}},
        HTML: {"schema": {"type": "string"}},
    }}
    if headers:
        response["headers"] = headers
    return response


_CONTENT_CRS = {"Content-Crs": {"description": "The system of the coordinates, as <URI>.",
                                "schema": {"type": "string"}}}
_ERRORS = {
    "400": {"description": "A parameter is not valid: `errors` names each with its problem.",
            "content": {JSON: {"schema": {"$ref": "#/components/schemas/errors"}}}},
    "404": {"description": "No such collection or feature.",
            "content": {JSON: {"schema": {"$ref": "#/components/schemas/notFound"}}}},
}


def _operation(operation_id, parameters, ok):
    return {"get": {"operationId": operation_id, "parameters": parameters,
                    "responses": {"200": ok, **_ERRORS}}}


def definition(root):
    """The OpenAPI 3.0 definition of the service."""
    base = reverse("ogc-landing").rstrip("/")
    crs = {"type": "string", "format": "uri", "enum": list(CRS)}
    common = [_parameter("f", "json (default) or html.",
                         {"type": "string", "enum": ["json", "html"]})]
    crs_parameter = _parameter("crs", "The system of the coordinates returned.", crs)
    items_parameters = [
        _parameter("limit", f"Features per page, 1–{MAX_LIMIT}.",
                   {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT,
                    "default": DEFAULT_LIMIT}),
        _parameter("offset", "Features to skip.",
                   {"type": "integer", "minimum": 0, "maximum": 999_999_999, "default": 0}),
        _parameter("bbox", "minx,miny,maxx,maxy (or 6 numbers, with heights) in bbox-crs "
                   "(CRS84 by default). The part of the box inside the system's extent "
                   "counts; in longitude/latitude a west edge east of the east edge crosses "
                   "the antimeridian. The minimum latitude (in projected systems, either "
                   "minimum) must not exceed its maximum.", BBOX),
        _parameter("bbox-crs", "The system of bbox.", crs),
        crs_parameter,
        _parameter("datetime", "A year, date or date-time, or an interval of them with '/' "
                   "('..' or nothing for an open end), matched against the case's years. "
                   "An interval must not end before it starts.", DATETIME),
        *[_parameter(name, CASE_PARAMETERS[name], PARAMETER_SCHEMAS[name])
          for name in documents.FILTERS["practices"]],
        *common,
    ]
    feature_id = {"name": "featureId", "in": "path", "required": True,
                  "description": "A case's id, or a gmina's TERYT code.",
                  "schema": {"type": "string", "pattern": "^[0-9]{1,12}$"}}
    collection_id = {"name": "collectionId", "in": "path", "required": True,
                     "schema": {"type": "string", "enum": documents.collection_ids()}}
    api_ok = {"description": "OK", "content": {
        OPENAPI: {"schema": {"type": "object"}}, HTML: {"schema": {"type": "string"}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Participation Map: OGC API – Features", "version": "1.0.0",
                 "license": {"name": "CC BY 4.0",
                             "url": "https://creativecommons.org/licenses/by/4.0/"}},
        "servers": [{"url": root}],
        "paths": {
            f"{base}/": _operation("landing", common, _ok(JSON, "landing")),
            f"{base}/api": _operation("api", common, api_ok),
            f"{base}/conformance": _operation("conformance", common,
                                              _ok(JSON, "conformance")),
            f"{base}/collections": _operation("collections", common,
                                              _ok(JSON, "collections")),
            f"{base}/collections/{{collectionId}}": _operation(
                "collection", [collection_id, *common], _ok(JSON, "collection")),
            f"{base}/collections/{{collectionId}}/items": _operation(
                "items", [collection_id, *items_parameters],
                _ok(GEOJSON, "featureCollection", _CONTENT_CRS)),
            f"{base}/collections/{{collectionId}}/items/{{featureId}}": _operation(
                "item", [collection_id, feature_id, crs_parameter, *common],
                _ok(GEOJSON, "feature", _CONTENT_CRS)),
        },
        "components": {"schemas": SCHEMAS},
    }
