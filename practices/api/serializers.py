"""Serializers of the public API: the case detail and the tools at run time, and the shapes
of every response for the OpenAPI document.

Collections (`/api/practices/`, `/api/municipalities/`) are written by PostGIS
(practices/geojson.py); the serializers named *Collection* and *Summary* here only describe
that output for the schema, and tests check real responses against them. All fields are
read-only, so the schema lists every property as required: a response never omits one.

A case's serializers are made from `practices.fields.CaseFields` (its summary and detail
fields, in order, with their types, allowed values and meanings): a field is added there, not
here.
"""
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from drf_spectacular.drainage import set_override
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from practices.domain.declaration import Type
from practices.fields import CaseFields
from practices.geojson import PRECISION, sample_case_note


class ConstantField(serializers.Field):
    """Always the same value, whatever the object (a GeoJSON `type`)."""

    def __init__(self, value, **kwargs):
        self.value = value
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return self.value

    def to_representation(self, value):
        return value


def constant(value):
    """A ConstantField whose schema allows exactly `value`."""
    field_class = type(f"Constant{value}Field", (ConstantField,), {})
    return extend_schema_field({"type": "string", "enum": [value]})(field_class)(value)


# --- Geometries -----------------------------------------------------------------------------

class PointGeometrySerializer(serializers.Serializer):
    type = constant("Point")
    coordinates = serializers.ListField(
        child=serializers.FloatField(), min_length=2, max_length=2, read_only=True,
        help_text="[longitude, latitude] in WGS 84 (RFC 7946), 6 decimals.",
    )


class MultiPolygonGeometrySerializer(serializers.Serializer):
    type = constant("MultiPolygon")
    coordinates = serializers.ListField(
        read_only=True,
        child=serializers.ListField(
            child=serializers.ListField(
                child=serializers.ListField(
                    child=serializers.FloatField(), min_length=2, max_length=2
                ),
                min_length=4,
            )
        ),
        help_text="Polygons of rings of [longitude, latitude] (RFC 7946), 5 decimals.",
    )


@extend_schema_field(PointGeometrySerializer)
class PointField(serializers.Field):
    """A GEOS point as a GeoJSON Point with PRECISION decimals."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return {
            "type": "Point",
            "coordinates": [round(value.x, PRECISION), round(value.y, PRECISION)],
        }


# --- Cases: derived from the one declaration, practices.fields.CaseFields -------------------

class LinkSerializer(serializers.Serializer):
    url = serializers.URLField(read_only=True)
    label = serializers.CharField(read_only=True)


# The OpenAPI schema of each declared type (allowed values add an enum, nullable fields
# `nullable`; a nested Object becomes a component of its own).
TYPE_SCHEMAS = {
    Type.INTEGER: {"type": "integer"},
    Type.TEXT: {"type": "string"},
    Type.SLUG: {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
    Type.CODE: {"type": "string"},
    Type.TERYT: {"type": "string", "pattern": r"^\d{7}$"},
    Type.MARKDOWN: {"type": "string"},
    Type.HTML: {"type": "string"},
    Type.DATE: {"type": "string", "format": "date"},
    Type.DATETIME: {"type": "string", "format": "date-time"},
    Type.BOOLEAN: {"type": "boolean"},
    Type.URL: {"type": "string", "format": "uri"},
    Type.PATH: {"type": "string"},
    Type.POINT: PointGeometrySerializer,
    Type.LINKS: LinkSerializer(many=True),
    Type.FACTS: {"type": "object", "additionalProperties": True},
}
_DATETIME = serializers.DateTimeField()


class DeclaredField(serializers.Field):
    """A read-only field reading a declared field from a case as the declaration says."""

    declared = None
    meaning = ""  # in English, like the rest of the schema

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=self.declared.nullable,
                         help_text=self.meaning, **kwargs)

    def get_attribute(self, instance):
        return self.declared.read.python(instance)

    def to_representation(self, value):
        kind = self.declared.type
        if kind == Type.DATE:
            return value.isoformat()
        if kind == Type.DATETIME:
            return _DATETIME.to_representation(value)
        if kind == Type.POINT:
            return PointField().to_representation(value)
        return value


# Component names of the sets of allowed values: the first field with a set names it
# (`tool` → ToolValues; the detail's tool.slug then refers to the same component).
_VALUES_COMPONENTS = {}


def declared_field(field):
    """A DRF field (class made for it, so that its schema is its own) for a declared field."""
    if field.type not in TYPE_SCHEMAS:
        raise ImproperlyConfigured(
            f"Field {field.name!r} has type {field.type!r}, which has no OpenAPI schema: add "
            "it to TYPE_SCHEMAS in practices/api/serializers.py."
        )
    schema, component = TYPE_SCHEMAS[field.type], None
    if field.values is not None:
        schema = {"type": "string", "enum": list(field.values)}  # the values say it all
        component = _VALUES_COMPONENTS.setdefault(
            tuple(field.values), "".join(part.title() for part in field.name.split("_"))
            + "Values"
        )
    with translation.override("en"):
        meaning = str(field.meaning)
    field_class = type(f"{field.name.title()}DeclaredField", (DeclaredField,),
                       {"declared": field, "meaning": meaning})
    # Two fields with one set of values share its component by design (same name, same
    # schema), though their classes differ.
    set_override(field_class, "suppress_collision_warning", True)
    return extend_schema_field(schema, component_name=component)(field_class)()


def object_serializer(component, fields, flat=True):
    """A serializer class named `{component}Serializer` (the OpenAPI component `component`)
    of declared fields, each read from the whole case; with flat=False a field the detail
    shows as an Object is that Object's serializer."""
    attrs = {}
    for field in fields:
        if not flat and field.nested:
            nested = object_serializer(field.nested.name, field.nested.fields.values())
            attrs[field.name] = nested(source="*", read_only=True)
        else:
            attrs[field.name] = declared_field(field)
    return type(f"{component}Serializer", (serializers.Serializer,), attrs)


# The list's properties (schema only; the rows are written by PostGIS from the same fields).
PracticeSummarySerializer = object_serializer(
    "PracticeSummary", CaseFields.properties("summary")
)


class PracticeSummaryFeatureSerializer(serializers.Serializer):
    type = constant("Feature")
    id = declared_field(CaseFields.id)
    geometry = PointGeometrySerializer(read_only=True)
    properties = PracticeSummarySerializer(read_only=True)


class PracticeCollectionSerializer(serializers.Serializer):
    type = constant("FeatureCollection")
    features = PracticeSummaryFeatureSerializer(many=True, read_only=True)
    note = serializers.CharField(
        required=False, help_text="Present when the collection contains sample cases."
    )
    numberMatched = serializers.IntegerField(  # noqa: N815 (OGC API – Features name)
        required=False, help_text="Paged lists only: cases matching the filters."
    )
    numberReturned = serializers.IntegerField(  # noqa: N815
        required=False, help_text="Paged lists only: features in this page."
    )
    next = serializers.URLField(
        required=False, allow_null=True, help_text="Paged lists only: the next page, or null."
    )
    previous = serializers.URLField(
        required=False, allow_null=True, help_text="Paged lists only: the previous page."
    )


PracticePropertiesSerializer = object_serializer(
    "PracticeProperties", CaseFields.properties("detail"), flat=False
)


class PracticeDetailSerializer(serializers.Serializer):
    """One case as a GeoJSON Feature with every public field, and `note` if it is a sample."""

    type = constant("Feature")
    id = declared_field(CaseFields.id)
    geometry = declared_field(CaseFields.geometry)
    properties = PracticePropertiesSerializer(source="*", read_only=True)
    note = serializers.CharField(
        required=False, help_text="Present when the case is a sample, not a real record."
    )

    def to_representation(self, practice):
        practice.note = sample_case_note() if practice.is_sample else None
        data = super().to_representation(practice)
        if data.get("note") is None:
            data.pop("note", None)
        return data


# --- Tools, stats, errors --------------------------------------------------------------------

class ToolSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name_pl = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)
    description_pl = serializers.CharField(read_only=True)
    description_en = serializers.CharField(read_only=True)
    legal_basis = serializers.CharField(read_only=True)
    color = serializers.RegexField(r"^#[0-9a-fA-F]{6}$", read_only=True)
    icon = serializers.CharField(read_only=True)
    practice_count = serializers.IntegerField(
        read_only=True, help_text="Published cases of this tool matching the filters."
    )


class StatsRowSerializer(serializers.Serializer):
    tool = serializers.SlugField(required=False, help_text="With by=tool.")
    year = serializers.IntegerField(required=False, help_text="With by=year.")
    voivodeship = serializers.CharField(required=False, help_text="With by=voivodeship.")
    voivodeship_name = serializers.CharField(required=False, help_text="With by=voivodeship.")
    count = serializers.IntegerField(read_only=True)


class StatsSerializer(serializers.Serializer):
    by = serializers.ListField(child=serializers.CharField(), read_only=True)
    total = serializers.IntegerField(read_only=True)
    rows = StatsRowSerializer(many=True, read_only=True)
    note = serializers.CharField(
        required=False, help_text="Present when the counts include sample cases."
    )


class ErrorsSerializer(serializers.Serializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), read_only=True,
        help_text="Each offending parameter with what is wrong and what is allowed.",
    )


class NotFoundSerializer(serializers.Serializer):
    detail = serializers.CharField(read_only=True)
