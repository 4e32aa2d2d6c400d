"""/api/points/: the selection in the compact form a marker layer draws, and
/api/points/{id}/: one case's listed properties, which a marker's popup fetches on demand.

Rules:
- The same case filters as every case selection (practices.filters.CaseFilters), strictly
  parsed: any problem is a 400 naming the parameter. The same ETag/304 (practices.caching).
- The points carry only what a marker draws: `rows` of [id, lon, lat, tool, year, sample],
  where `tool` is an index into `tools` (the tool slugs in their fixed order) and `sample` is
  1 for a sample case, else 0; lon/lat in WGS 84 with 5 decimals (about 1 m); rows ordered
  by id. A selection that includes samples has a `note`, as every collection of the API.
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
from practices.caching import compiled, respond
from practices.filters import InvalidParameters, known
from practices.models import Practice

_ID = re.compile(r"[0-9]{1,9}")


class PointsSerializer(serializers.Serializer):
    tools = serializers.ListField(
        child=serializers.SlugField(), read_only=True,
        help_text="The tool slugs in their fixed order; a row's tool is an index into it.",
    )
    rows = serializers.ListField(
        child=serializers.ListField(child=serializers.FloatField(), min_length=6, max_length=6),
        read_only=True,
        help_text="[id, lon, lat, tool index, year, sample (1 or 0)] per case, by id.",
    )
    note = serializers.CharField(
        required=False, help_text="Present when the selection includes sample cases."
    )


POINTS_EXAMPLE = {
    "tools": ["konsultacje", "budzet-obywatelski", "fundusz-solecki"],
    "rows": [[1, 23.162, 53.1325, 1, 2024, 0], [2, 22.0681, 53.8284, 0, 2023, 1]],
    "note": "This collection contains sample cases made up for demonstration "
            "(is_sample: true); they are not real records.",
}


class PointListView(PublicApiView):
    @extend_schema(
        operation_id="points_list",
        summary="The selection as compact points for a marker layer",
        description=(
            "Only what a marker draws, in a compact form: "
            "`{\"tools\": [slug, ...], \"rows\": [[id, lon, lat, tool index, year, sample], "
            "...]}`. The details of one case are at /api/points/{id}/; the whole properties "
            "at /api/practices/."
        ),
        parameters=schema_parameters(),
        responses={(200, JSON): PointsSerializer, **BAD_REQUEST},
        examples=[OpenApiExample("Two cases", value=POINTS_EXAMPLE, response_only=True,
                                 status_codes=["200"], media_type=JSON)],
    )
    def get(self, request):
        filters = parse(request.query_params)
        return respond(request, lambda: self.build(request, filters))

    def build(self, request, filters):
        if request.method == "HEAD":
            return HttpResponse(content_type=JSON)
        text, samples = points.fetch_points(
            compiled("points", filters, lambda: points.points_sql(filters.practices()))
        )
        if samples:
            text = text[:-1] + geojson.members(note=geojson.sample_note()) + "}"
        return HttpResponse(text, content_type=JSON)


class PointDetailView(PublicApiView):
    renderer_classes = [GeoJSONRenderer]

    @extend_schema(
        operation_id="points_detail",
        summary="One published case with the properties the list gives (for a popup)",
        description="The feature of this case exactly as /api/practices/ lists it.",
        parameters=[OpenApiParameter("id", {"type": "integer", "minimum": 0,
                                                  "maximum": 999_999_999},
                                     OpenApiParameter.PATH,
                                     description="The case's id, as in the points' rows.")],
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
