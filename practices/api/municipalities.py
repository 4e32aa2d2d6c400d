"""/api/municipalities/: gminy with display boundaries and the number of published cases that
match the case filters, for the choropleth; /api/municipalities/{teryt}/ for one.

Rules:
- `voivodeship`, `county`, `municipality` and `bbox` restrict the gminy listed (bbox: gminy
  whose boundary touches the box); every case filter restricts what is counted. So the sum of
  `practice_count` over the collection equals the number of features /api/practices/ returns
  for the same parameters.
- Every gmina kept by the geographic filters is listed, with `practice_count` 0 when nothing
  matches: a choropleth needs its empty areas. `counts` lists only the tools with at least
  one case (an empty object for none), in the tools' order; absent means 0.
- Boundaries are the simplified display boundaries at 5 decimals (about 1 m).
- `eligible_voters` is the gmina's count of residents entitled to vote (geodata.voters), the
  denominator of per-capita figures, or null when it has not been imported.
"""
from dataclasses import replace

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound

from geodata import teryt
from geodata.models import Municipality
from geodata.teryt import GMINA_TYPES
from practices import geojson, stat_counts
from practices.api.base import (
    BAD_REQUEST,
    GEOJSON,
    NOT_FOUND,
    GeoJSONRenderer,
    PublicApiView,
    parse,
    schema_parameters,
)
from practices.api.serializers import MultiPolygonGeometrySerializer, constant
from practices.caching import compiled
from practices.filters import InvalidParameters
from practices.parameter_schemas import GMINA_SCHEMA
from practices.revalidation import respond

# The case filters that make sense for one gmina's counts.
DETAIL_PARAMETERS = ("tool", "year", "year_from", "year_to", "q")


class MunicipalityPropertiesSerializer(serializers.Serializer):
    teryt = serializers.RegexField(r"^\d{7}$", read_only=True)
    name = serializers.CharField(read_only=True)
    type = serializers.ChoiceField(
        choices=list(GMINA_TYPES.values()), read_only=True
    )
    county = serializers.RegexField(r"^\d{4}$", read_only=True)
    county_name = serializers.CharField(read_only=True)
    voivodeship = serializers.RegexField(r"^\d{2}$", read_only=True)
    voivodeship_name = serializers.CharField(read_only=True)
    eligible_voters = serializers.IntegerField(
        read_only=True, allow_null=True, min_value=1,
        help_text="Residents entitled to vote (PKW, 2025 presidential election, first round): "
                  "the denominator of per-capita figures. Null when not imported.",
    )
    practice_count = serializers.IntegerField(
        read_only=True, help_text="Published cases in the gmina matching the case filters."
    )
    counts = serializers.DictField(
        child=serializers.IntegerField(), read_only=True,
        help_text="Cases per tool slug; only tools with at least one case are listed.",
    )
    url = serializers.CharField(read_only=True, help_text="Path of the gmina page.")


class MunicipalityFeatureSerializer(serializers.Serializer):
    type = constant("Feature")
    id = serializers.RegexField(r"^\d{7}$", read_only=True, help_text="The TERYT code.")
    geometry = MultiPolygonGeometrySerializer(read_only=True, allow_null=True)
    properties = MunicipalityPropertiesSerializer(read_only=True)
    note = serializers.CharField(
        required=False, help_text="Present when the counts include sample cases."
    )


class MunicipalityCollectionSerializer(serializers.Serializer):
    type = constant("FeatureCollection")
    features = MunicipalityFeatureSerializer(many=True, read_only=True)
    note = serializers.CharField(
        required=False, help_text="Present when the counts include sample cases."
    )


FEATURE_EXAMPLE = {
    "type": "Feature",
    "id": "2061011",
    "geometry": {"type": "MultiPolygon", "coordinates": [[[
        [23.0366, 53.1245], [23.2535, 53.1245], [23.2535, 53.2147], [23.0366, 53.2147],
        [23.0366, 53.1245],
    ]]]},
    "properties": {
        "teryt": "2061011",
        "name": "Białystok",
        "type": "urban",
        "county": "2061",
        "county_name": "Białystok",
        "voivodeship": "20",
        "voivodeship_name": "podlaskie",
        "eligible_voters": 213477,
        "practice_count": 3,
        "counts": {"konsultacje": 1, "budzet-obywatelski": 2},
        "url": "/gminy/2061011/",
    },
}


class MunicipalityListView(PublicApiView):
    renderer_classes = [GeoJSONRenderer]

    @extend_schema(
        operation_id="municipalities_list",
        summary="Gminy with display boundaries and counts of matching published cases",
        parameters=schema_parameters(),
        responses={(200, GEOJSON): MunicipalityCollectionSerializer, **BAD_REQUEST},
        examples=[OpenApiExample(
            "Counts of all published cases", response_only=True, status_codes=["200"],
            media_type=GEOJSON,
            value={"type": "FeatureCollection", "features": [FEATURE_EXAMPLE]},
        )],
    )
    def get(self, request):
        filters = parse(request.query_params)
        return respond(request, lambda: self.build(request, filters), folded=True)

    def build(self, request, filters):
        if request.method == "HEAD":
            return HttpResponse(content_type=GEOJSON)
        sql, params = compiled(
            "municipalities", filters,
            lambda: geojson.municipality_features(filters.municipalities(), filters.practices(),
                                                  counted=stat_counts.kept_counts(filters)),
        )
        return HttpResponse(
            geojson.collection_text(sql, params, note=geojson.sample_counts_note()),
            content_type=GEOJSON,
        )


class MunicipalityDetailView(PublicApiView):
    renderer_classes = [GeoJSONRenderer]

    @extend_schema(
        operation_id="municipalities_detail",
        summary="One gmina as a GeoJSON Feature, with counts of matching published cases",
        parameters=[
            OpenApiParameter("teryt", GMINA_SCHEMA, OpenApiParameter.PATH,
                             description="The gmina's TERYT code (7 digits)."),
            *schema_parameters(DETAIL_PARAMETERS),
        ],
        responses={(200, GEOJSON): MunicipalityFeatureSerializer, **BAD_REQUEST, **NOT_FOUND},
        examples=[OpenApiExample(
            "Białystok", value=FEATURE_EXAMPLE, response_only=True, status_codes=["200"],
            media_type=GEOJSON,
        )],
    )
    def get(self, request, teryt):
        errors = {}
        try:
            code = parse_code(teryt)
        except InvalidParameters as error:
            errors.update(error.errors)
        try:
            filters = parse(request.query_params, only=DETAIL_PARAMETERS)
        except InvalidParameters as error:
            errors.update(error.errors)
        if errors:
            raise InvalidParameters(errors)
        filters = replace(filters, municipality=(code,))
        gmina = Municipality.objects.filter(teryt=code)
        if not gmina.exists():
            raise NotFound(_("No gmina with this TERYT code."))
        return respond(request, lambda: self.build(gmina, filters))

    def build(self, gmina, filters):
        features, contains_samples = geojson.fetch_features(
            *geojson.municipality_features(gmina, filters.practices(),
                                           counted=stat_counts.kept_counts(filters))
        )
        text = features[0]
        if contains_samples:
            text = text[:-1] + geojson.members(note=geojson.sample_counts_note()) + "}"
        return HttpResponse(text, content_type=GEOJSON)


def parse_code(value):
    try:
        return teryt.parse_gmina(value).code
    except teryt.TerytError as error:
        raise InvalidParameters({"teryt": [str(error)]}) from None

