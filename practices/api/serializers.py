"""Serializers of the public API: the case detail and the tools at run time, and the shapes
of every response for the OpenAPI document.

Collections (`/api/practices/`, `/api/municipalities/`) are written by PostGIS
(practices/geojson.py); the serializers named *Collection* and *Summary* here only describe
that output for the schema, and tests check real responses against them. All fields are
read-only, so the schema lists every property as required: a response never omits one.
"""
from django.conf import settings
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from practices.domain.facts import enrich
from practices.domain.markdown import render_markdown
from practices.geojson import PRECISION, sample_case_note
from practices.models import PracticeLink


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


def default_language_url(obj):
    """The object's page in the default language: the API is language-neutral."""
    with translation.override(settings.LANGUAGE_CODE):
        return obj.get_absolute_url()


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


# --- The case list (schema only; the rows are written by PostGIS) -----------------------------

class PracticeSummarySerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    title = serializers.CharField(read_only=True)
    tool = serializers.SlugField(read_only=True, help_text="Tool slug, see /api/tools/.")
    year = serializers.IntegerField(read_only=True)
    municipality = serializers.RegexField(r"^\d{7}$", read_only=True, help_text="Gmina TERYT.")
    municipality_name = serializers.CharField(read_only=True)
    url = serializers.CharField(read_only=True, help_text="Path of the case page.")
    is_sample = serializers.BooleanField(
        read_only=True, help_text="Made-up sample data for demonstration, not a real record."
    )


class PracticeSummaryFeatureSerializer(serializers.Serializer):
    type = constant("Feature")
    id = serializers.IntegerField(read_only=True)
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


# --- The case detail -----------------------------------------------------------------------

class ToolRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name_pl = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)


class MunicipalityRefSerializer(serializers.Serializer):
    teryt = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()

    def get_url(self, municipality) -> str:
        return default_language_url(municipality)


class LinkSerializer(serializers.Serializer):
    url = serializers.URLField(read_only=True)
    label = serializers.CharField(read_only=True)


class PracticePropertiesSerializer(serializers.Serializer):
    title = serializers.CharField(read_only=True)
    slug = serializers.SlugField(read_only=True)
    tool = ToolRefSerializer(read_only=True)
    municipality = MunicipalityRefSerializer(read_only=True)
    year = serializers.IntegerField(read_only=True)
    end_year = serializers.IntegerField(read_only=True, allow_null=True)
    start_date = serializers.DateField(read_only=True, allow_null=True)
    end_date = serializers.DateField(read_only=True, allow_null=True)
    summary = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True, help_text="Markdown, as written.")
    description_html = serializers.SerializerMethodField(
        help_text="The description rendered and sanitised (allow-listed HTML)."
    )
    organiser = serializers.CharField(read_only=True)
    organiser_type = serializers.CharField(
        read_only=True, help_text="urzad, rada, ngo, mieszkancy, szkola, inne, or empty."
    )
    participants = serializers.IntegerField(read_only=True, allow_null=True)
    outcome = serializers.CharField(read_only=True)
    lessons = serializers.CharField(read_only=True)
    sources = serializers.SerializerMethodField()
    links = serializers.SerializerMethodField()
    contact = serializers.CharField(read_only=True)
    licence = serializers.CharField(read_only=True, help_text="SPDX identifier.")
    licence_url = serializers.URLField(read_only=True)
    facts = serializers.SerializerMethodField(
        help_text="Tool-specific facts with computed values (e.g. a referendum's turnout)."
    )
    is_sample = serializers.BooleanField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)
    url = serializers.SerializerMethodField(help_text="Path of the case page.")

    def get_description_html(self, practice) -> str:
        return str(render_markdown(practice.description))

    def _links(self, practice, kind):
        # Uses the prefetched links: one query for the case, one for its links.
        return LinkSerializer(
            [link for link in practice.links.all() if link.kind == kind], many=True
        ).data

    @extend_schema_field(LinkSerializer(many=True))
    def get_sources(self, practice):
        return self._links(practice, PracticeLink.Kind.SOURCE)

    @extend_schema_field(LinkSerializer(many=True))
    def get_links(self, practice):
        return self._links(practice, PracticeLink.Kind.LINK)

    @extend_schema_field({"type": "object", "additionalProperties": True})
    def get_facts(self, practice):
        return enrich(practice)

    def get_url(self, practice) -> str:
        return default_language_url(practice)


class PracticeDetailSerializer(serializers.Serializer):
    """One case as a GeoJSON Feature with every public field, and `note` if it is a sample."""

    type = constant("Feature")
    id = serializers.IntegerField(source="pk", read_only=True)
    geometry = PointField(source="point")
    properties = PracticePropertiesSerializer(source="*", read_only=True)
    note = serializers.CharField(
        required=False, help_text="Present when the case is a sample, not a real record."
    )

    def to_representation(self, practice):
        practice.point = practice.location or practice.municipality.point
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
