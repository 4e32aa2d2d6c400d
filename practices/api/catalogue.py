"""The catalogue's summaries in the public API: /api/tools/ (the tools with counts of the
selection) and /api/stats/ (counts of the selection by tool, year, voivodeship and/or gmina:
the map's facets and its choropleth counts)."""
from itertools import permutations

from django.db.models import Count
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers as drf_serializers
from rest_framework.response import Response

from practices.api import serializers
from practices.api.base import BAD_REQUEST, JSON, PublicApiView, parse, schema_parameters
from practices.filters import InvalidParameters
from practices.models import ParticipationTool
from practices.revalidation import respond
from practices.stat_counts import COUNT_DIMENSIONS, counts_answer, counts_document


class ToolListView(PublicApiView):
    @extend_schema(
        operation_id="tools_list",
        summary="The participation tools, with the number of published cases of each",
        description="`practice_count` honours the case filters given (all published cases "
                    "without them). For facet counts beside a tool filter, leave `tool` out.",
        parameters=schema_parameters(),
        responses={200: serializers.ToolSerializer(many=True), **BAD_REQUEST},
    )
    def get(self, request):
        filters = parse(request.query_params)
        return respond(request, lambda: Response(self.rows(filters)))

    def rows(self, filters):
        counts = dict(
            filters.practices().order_by().values_list("tool_id").annotate(n=Count("pk"))
        )
        tools = list(ParticipationTool.objects.all())
        for tool in tools:
            tool.practice_count = counts.get(tool.pk, 0)
        return serializers.ToolSerializer(tools, many=True).data


# The dimensions /api/stats/ can count by (practices.stat_counts.counts_json).
STATS_DIMENSIONS = COUNT_DIMENSIONS


class StatsRowSerializer(serializers.StatsRowSerializer):
    municipality = drf_serializers.RegexField(
        r"^\d{7}$", required=False, help_text="With by=municipality: the gmina's TERYT code."
    )


class StatsSerializer(serializers.StatsSerializer):
    rows = StatsRowSerializer(many=True, read_only=True)


DEFAULT_STATS_BY = ("tool", "year")
# Each dimension at most once, in any order: every permutation, spelled out.
BY_SCHEMA = {"type": "string", "pattern": "^(?:" + "|".join(
    ",".join(order) for size in range(1, len(STATS_DIMENSIONS) + 1)
    for order in permutations(STATS_DIMENSIONS, size)
) + ")?$"}


def parse_by(params):
    values = [item.strip() for value in params.getlist("by") for item in value.split(",")]
    values = [value for value in values if value]
    unknown = [value for value in values if value not in STATS_DIMENSIONS]
    if unknown or len(values) != len(set(values)):
        raise InvalidParameters({"by": [
            _("'%(value)s' is not allowed: give one or more of %(allowed)s, each once.")
            % {"value": ",".join(values), "allowed": ", ".join(STATS_DIMENSIONS)}
        ]})
    return tuple(values) or DEFAULT_STATS_BY


class StatsView(PublicApiView):
    @extend_schema(
        operation_id="stats",
        summary="Counts of published cases by tool, year, voivodeship and/or gmina",
        description="`by` lists the dimensions (default tool,year); each row has one "
                    "member per dimension and `count`. Only non-zero rows are listed.",
        parameters=[
            *schema_parameters(),
            OpenApiParameter("by", BY_SCHEMA, OpenApiParameter.QUERY,
                             description="Comma-separated: tool, year, voivodeship, "
                                         "municipality."),
        ],
        responses={200: StatsSerializer, **BAD_REQUEST},
        examples=[OpenApiExample("By tool and year", response_only=True, status_codes=["200"],
                                 media_type=JSON, value={
                                     "by": ["tool", "year"], "total": 3,
                                     "rows": [{"tool": "konsultacje", "year": 2023, "count": 1},
                                              {"tool": "referendum", "year": 2024, "count": 2}],
                                 })],
    )
    def get(self, request):
        errors = {}
        try:
            by = parse_by(request.query_params)
        except InvalidParameters as error:
            errors.update(error.errors)
        try:
            filters = parse(request.query_params, extra=["by"])
        except InvalidParameters as error:
            errors.update(error.errors)
        if errors:
            raise InvalidParameters(errors)
        return respond(request, lambda: self.build(request, filters, by), folded=True)

    def build(self, request, filters, by):
        if request.method == "HEAD":
            return HttpResponse(content_type=JSON)
        return HttpResponse(counts_answer(counts_document(filters, by)), content_type=JSON)
