"""/api/points/: the selection in the compact form a marker layer draws, and
/api/points/{id}/: one case's listed properties, which a marker's popup fetches on demand.

Rules:
- The same case filters as every case selection (practices.filters.CaseFilters), strictly
  parsed: any problem is a 400 naming the parameter. The same ETag/304 (practices.caching).
- The points carry only what a marker draws, in columns (practices.points.points_sql): per
  case, in the order of their ids, its id less the previous one, its place (an index into
  `places`, the distinct [lon, lat] in WGS 84 with 5 decimals, about 1 m), its tool (an
  index into `tools`, the tool slugs in their fixed order), its year and `sample` (1 for a
  sample case, else 0). A selection that includes samples has a `note`, as every collection
  of the API.
- The URL is language-neutral; only the note follows Accept-Language.
"""
import re

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound

from practices import geojson, points
from practices.api.base import (
    BAD_REQUEST,
    GEOJSON,
    JSON,
    NOT_FOUND,
    GeoJSONRenderer,
    PublicApiView,
    parse,
    schema_parameters,
)
from practices.api.serializers import PracticeSummaryFeatureSerializer
from practices.filters import InvalidParameters, known
from practices.models import Practice
from practices.revalidation import respond

_ID = re.compile(r"[0-9]{1,9}")


class PointsSerializer(serializers.Serializer):
    tools = serializers.ListField(
        child=serializers.SlugField(), read_only=True,
        help_text="The tool slugs in their fixed order; `tool` holds indexes into it.",
    )
    places = serializers.ListField(
        child=serializers.ListField(child=serializers.FloatField(), min_length=2, max_length=2),
        read_only=True,
        help_text="The distinct positions [lon, lat] (WGS 84, 5 decimals), by lon then lat.",
    )
    id = serializers.ListField(
        child=serializers.IntegerField(), read_only=True,
        help_text="Per case, in the order of their ids: the id less the previous case's "
                  "(the first as it is).",
    )
    place = serializers.ListField(
        child=serializers.IntegerField(min_value=0), read_only=True,
        help_text="Per case: an index into `places`.",
    )
    tool = serializers.ListField(
        child=serializers.IntegerField(min_value=-1), read_only=True,
        help_text="Per case: an index into `tools` (-1: none).",
    )
    year = serializers.ListField(child=serializers.IntegerField(), read_only=True,
                                 help_text="Per case: its year.")
    sample = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=1), read_only=True,
        help_text="Per case: 1 for a sample case, else 0.",
    )
    note = serializers.CharField(
        required=False, help_text="Present when the selection includes sample cases."
    )


POINTS_EXAMPLE = {
    "tools": ["konsultacje", "budzet-obywatelski", "fundusz-solecki"],
    "places": [[22.0681, 53.8284], [23.162, 53.1325]],
    "id": [1, 1, 5],
    "place": [1, 0, 1],
    "tool": [1, 0, 2],
    "year": [2024, 2023, 2024],
    "sample": [0, 1, 0],
    "note": "This collection contains sample cases made up for demonstration "
            "(is_sample: true); they are not real records.",
}


class PointListView(PublicApiView):
    @extend_schema(
        operation_id="points_list",
        summary="The selection as compact points for a marker layer",
        description=(
            "Only what a marker draws, in a compact columnar form: one array per attribute, "
            "one member per case in the order of their ids (`id` holds each id less the "
            "previous one; `place` indexes `places`, the distinct positions; `tool` indexes "
            "`tools`). The example's cases are 1, 2 and 7. The details of one case are at "
            "/api/points/{id}/; the whole properties at /api/practices/."
        ),
        parameters=schema_parameters(),
        responses={(200, JSON): PointsSerializer, **BAD_REQUEST},
        examples=[OpenApiExample("Three cases", value=POINTS_EXAMPLE, response_only=True,
                                 status_codes=["200"], media_type=JSON)],
    )
    def get(self, request):
        filters = parse(request.query_params)
        return respond(request, lambda: self.build(request, filters), folded=True)

    def build(self, request, filters):
        if request.method == "HEAD":
            return HttpResponse(content_type=JSON)
        return HttpResponse(points.points_answer(points.points_document(filters)),
                            content_type=JSON)


class PointDetailView(PublicApiView):
    renderer_classes = [GeoJSONRenderer]

    @extend_schema(
        operation_id="points_detail",
        summary="One published case with the properties the list gives (for a popup)",
        description="The feature of this case exactly as /api/practices/ lists it.",
        parameters=[OpenApiParameter("id", {"type": "integer", "minimum": 0,
                                                  "maximum": 999_999_999},
                                     OpenApiParameter.PATH,
                                     description="A case's id (the points' ids, summed).")],
        responses={(200, GEOJSON): PracticeSummaryFeatureSerializer,
                   **BAD_REQUEST, **NOT_FOUND},
    )
    def get(self, request, pk):
        errors = known(request.query_params, [])
        if not _ID.fullmatch(pk):
            errors["id"] = [_("'%(value)s' is not a case id: use a whole number.")
                            % {"value": pk}]
        if errors:
            raise InvalidParameters(errors)
        queryset = Practice.objects.published().filter(pk=int(pk))
        if not queryset.exists():
            raise NotFound(_("No published case with this id."))
        return respond(request, lambda: self.build(queryset))

    def build(self, queryset):
        features, samples = geojson.fetch_features(*geojson.practice_features(queryset))
        text = features[0]
        if samples:
            text = text[:-1] + geojson.members(note=geojson.sample_case_note()) + "}"
        return HttpResponse(text, content_type=GEOJSON)
