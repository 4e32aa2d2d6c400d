"""The read-only public API of cases: /api/practices/, /api/practices/{slug}/, /api/tools/,
/api/stats/. Documented in docs/api.md and at /api/docs/.

Rules every view here follows:
- Only published cases, through `CaseFilters.practices()` / `Practice.objects.published()`.
- Parameters are parsed by practices.filters; any problem is a 400
  {"errors": {parameter: [messages]}} before anything else happens.
- Successful responses carry ETag/Last-Modified and answer revalidation with 304
  (practices.conditional).
- Messages (errors, sample notes) follow Accept-Language (Polish by default); the data and
  the URLs do not depend on it.
- Views never negotiate themselves into a 406: a client asking for another type still gets
  JSON/GeoJSON. Errors are always application/json.
"""
from urllib.parse import urlencode

from django.db.models import Count, F, Q
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from practices import geojson, serializers
from practices.conditional import respond
from practices.filters import (
    CASE_PARAMETERS,
    PAGING_PARAMETERS,
    CaseFilters,
    InvalidParameters,
    known,
    parse_page,
)
from practices.models import ParticipationTool, Practice

GEOJSON = "application/geo+json"
JSON = "application/json"


class GeoJSONRenderer(JSONRenderer):
    media_type = GEOJSON
    format = "geojson"


class FirstRenderer(BaseContentNegotiation):
    """Always the view's first renderer: the API has one representation per resource."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class PublicApiView(APIView):
    # Anonymous and read-only: no authentication, no session, no CSRF; strict parameters.

    authentication_classes = []
    permission_classes = []
    content_negotiation_class = FirstRenderer
    renderer_classes = [JSONRenderer]

    def initial(self, request, *args, **kwargs):
        # The site picks the language from the URL prefix and so would always answer the
        # unprefixed /api/ in Polish; API clients choose with Accept-Language instead.
        translation.activate(translation.get_language_from_request(request._request))
        super().initial(request, *args, **kwargs)

    def handle_exception(self, exc):
        if isinstance(exc, InvalidParameters):
            return Response({"errors": exc.errors}, status=400, content_type=JSON)
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, Response) and response.status_code >= 400:
            response.content_type = JSON
        return response


def parse(params, extra=(), only=None):
    """The case filters of a query, or InvalidParameters with all its problems."""
    filters, errors = CaseFilters.parse_lenient(params, extra=extra, only=only)
    if errors:
        raise InvalidParameters(errors)
    return filters


def parse_paged(params):
    """(case filters, page or None) of a list query; all problems of both at once."""
    filters, errors = CaseFilters.parse_lenient(params, extra=PAGING_PARAMETERS)
    page = None
    try:
        page = parse_page(params)
    except InvalidParameters as error:
        errors.update(error.errors)
    if errors:
        raise InvalidParameters(errors)
    return filters, page


def schema_parameters(names=None, extra=None):
    """OpenAPI descriptions of the case parameters, from the one list in practices.filters."""
    specs = {**{name: CASE_PARAMETERS[name] for name in (names or CASE_PARAMETERS)},
             **(extra or {})}
    integers = {"year", "year_from", "year_to", "limit", "offset"}
    return [
        OpenApiParameter(
            name, OpenApiTypes.INT if name in integers else OpenApiTypes.STR,
            OpenApiParameter.QUERY, description=description,
        )
        for name, description in specs.items()
    ]


BAD_REQUEST = {(400, JSON): serializers.ErrorsSerializer}
NOT_FOUND = {(404, JSON): serializers.NotFoundSerializer}

LIST_EXAMPLE = {
    "type": "FeatureCollection",
    "features": [{
        "type": "Feature",
        "id": 1,
        "geometry": {"type": "Point", "coordinates": [23.162, 53.1325]},
        "properties": {
            "slug": "budzet-obywatelski-bialegostoku-2024",
            "title": "Budżet obywatelski Białegostoku 2024",
            "tool": "budzet-obywatelski",
            "year": 2024,
            "municipality": "2061011",
            "municipality_name": "Białystok",
            "url": "/praktyki/budzet-obywatelski-bialegostoku-2024/",
            "is_sample": False,
        },
    }],
}
PAGE_EXAMPLE = {
    **LIST_EXAMPLE,
    "numberMatched": 240,
    "numberReturned": 1,
    "next": "https://example.org/api/practices/?tool=budzet-obywatelski&limit=1&offset=1",
    "previous": None,
}
DETAIL_EXAMPLE = {
    "type": "Feature",
    "id": 1,
    "geometry": {"type": "Point", "coordinates": [23.162, 53.1325]},
    "properties": {
        "title": "Budżet obywatelski Białegostoku 2024",
        "slug": "budzet-obywatelski-bialegostoku-2024",
        "tool": {"slug": "budzet-obywatelski", "name_pl": "Budżet obywatelski",
                 "name_en": "Participatory budget"},
        "municipality": {"teryt": "2061011", "name": "Białystok", "url": "/gminy/2061011/"},
        "year": 2024,
        "end_year": None,
        "start_date": "2024-03-01",
        "end_date": "2024-09-30",
        "summary": "Mieszkańcy zgłosili 180 projektów, w głosowaniu wybrali 42.",
        "description": "Głosowanie trwało **dwa tygodnie**.",
        "description_html": "<p>Głosowanie trwało <strong>dwa tygodnie</strong>.</p>",
        "organiser": "Urząd Miejski w Białymstoku",
        "organiser_type": "urzad",
        "participants": 31250,
        "outcome": "42 projekty do realizacji w 2025 r.",
        "lessons": "",
        "sources": [{"url": "https://bip.example.org/uchwala-bo-2024", "label": "Uchwała"}],
        "links": [],
        "contact": "",
        "licence": "CC-BY-4.0",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/",
        "facts": {"amount_pln": 25000000, "projects_selected": 42, "votes_cast": 31250},
        "is_sample": False,
        "created_at": "2025-01-10T12:00:00+01:00",
        "updated_at": "2025-01-12T09:30:00+01:00",
        "url": "/praktyki/budzet-obywatelski-bialegostoku-2024/",
    },
}
ERRORS_EXAMPLE = {"errors": {"tool": [
    "Unknown tool 'budzet'. Allowed: konsultacje, budzet-obywatelski, fundusz-solecki, "
    "inicjatywa-uchwalodawcza, referendum, mlodziezowa-rada, rada-seniorow, "
    "inicjatywa-lokalna, panel-obywatelski, inne."
]}}


class PracticeListView(PublicApiView):
    renderer_classes = [GeoJSONRenderer]

    @extend_schema(
        operation_id="practices_list",
        summary="Published cases as a GeoJSON FeatureCollection",
        description=(
            "Without limit/offset: the whole selection, streamed. With limit or offset: one "
            "page, with numberMatched, numberReturned and next/previous links. Features are "
            "ordered by id."
        ),
        parameters=schema_parameters(extra=PAGING_PARAMETERS),
        responses={(200, GEOJSON): serializers.PracticeCollectionSerializer, **BAD_REQUEST},
        examples=[
            OpenApiExample("Whole selection", value=LIST_EXAMPLE, response_only=True,
                           status_codes=["200"], media_type=GEOJSON),
            OpenApiExample("A page", value=PAGE_EXAMPLE, response_only=True,
                           status_codes=["200"], media_type=GEOJSON),
            OpenApiExample("Unknown tool", value=ERRORS_EXAMPLE, response_only=True,
                           status_codes=["400"], media_type=JSON),
        ],
    )
    def get(self, request):
        filters, page = parse_paged(request.query_params)
        return respond(request, lambda: self.build(request, filters, page))

    def build(self, request, filters, page):
        if request.method == "HEAD":
            return HttpResponse(content_type=GEOJSON)
        if page is None:
            sql, params = geojson.practice_features(filters.practices())
            return StreamingHttpResponse(
                geojson.stream_collection(sql, params, note=geojson.sample_note()),
                content_type=GEOJSON,
            )
        return HttpResponse(self.page_text(request, filters, page), content_type=GEOJSON)

    def page_text(self, request, filters, page):
        queryset = filters.practices()
        matched = queryset.count()
        features, contains_samples = geojson.fetch_features(
            *geojson.practice_features(queryset, offset=page.offset, limit=page.limit)
        )

        def link(offset):
            query = urlencode({**filters.as_params(), "limit": page.limit, "offset": offset})
            return request.build_absolute_uri(f"{request.path}?{query}")

        extra = {
            "numberMatched": matched,
            "numberReturned": len(features),
            "next": link(page.offset + page.limit) if page.offset + page.limit < matched
            else None,
            "previous": link(max(page.offset - page.limit, 0)) if page.offset > 0 else None,
        }
        if contains_samples:
            extra["note"] = geojson.sample_note()
        return (
            '{"type":"FeatureCollection","features":[' + ",".join(features) + "]"
            + geojson.members(**extra) + "}"
        )


class PracticeDetailView(PublicApiView):
    renderer_classes = [GeoJSONRenderer]

    @extend_schema(
        operation_id="practices_detail",
        summary="One published case as a GeoJSON Feature with every public field",
        responses={(200, GEOJSON): serializers.PracticeDetailSerializer, **BAD_REQUEST,
                   **NOT_FOUND},
        examples=[OpenApiExample("A case", value=DETAIL_EXAMPLE, response_only=True,
                                 status_codes=["200"], media_type=GEOJSON)],
    )
    def get(self, request, slug):
        errors = known(request.query_params, [])
        if errors:
            raise InvalidParameters(errors)
        practice = get_object_or_404(
            Practice.objects.published()
            .select_related("tool", "municipality")
            .prefetch_related("links"),
            slug=slug,
        )
        return respond(
            request, lambda: Response(serializers.PracticeDetailSerializer(practice).data)
        )


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


# Dimensions /api/stats/ can count by: name -> the grouping columns (renamed in the rows by
# STATS_COLUMNS; annotations may not reuse the model's field names).
STATS_DIMENSIONS = {
    "tool": {"tool_slug": F("tool__slug"), "tool_position": F("tool__position")},
    "year": {"year_": F("year")},
    "voivodeship": {
        "voivodeship_code": F("municipality__voivodeship_id"),
        "voivodeship_name": F("municipality__voivodeship__name"),
    },
}
STATS_COLUMNS = {"tool_slug": "tool", "year_": "year", "voivodeship_code": "voivodeship",
                 "voivodeship_name": "voivodeship_name", "count": "count"}
DEFAULT_STATS_BY = ("tool", "year")


def parse_by(params):
    from django.utils.translation import gettext as _

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
        summary="Counts of published cases by tool, year and/or voivodeship",
        description="`by` lists the dimensions (default tool,year); each row has one "
                    "member per dimension and `count`. Only non-zero rows are listed.",
        parameters=[
            *schema_parameters(),
            OpenApiParameter("by", OpenApiTypes.STR, OpenApiParameter.QUERY,
                             description="Comma-separated: tool, year, voivodeship."),
        ],
        responses={200: serializers.StatsSerializer, **BAD_REQUEST},
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
        return respond(request, lambda: Response(self.payload(filters, by)))

    def payload(self, filters, by):
        queryset = filters.practices().order_by()
        fields = {}
        for name in by:
            fields.update(STATS_DIMENSIONS[name])
        ordering = [key for key in fields if key not in ("tool_slug", "voivodeship_name")]
        rows = queryset.values(**fields).annotate(count=Count("pk")).order_by(*ordering)
        totals = queryset.aggregate(
            total=Count("pk"), samples=Count("pk", filter=Q(is_sample=True))
        )
        payload = {
            "by": list(by),
            "total": totals["total"],
            "rows": [
                {STATS_COLUMNS[key]: value for key, value in row.items() if key in STATS_COLUMNS}
                for row in rows
            ],
        }
        if totals["samples"]:
            payload["note"] = geojson.sample_counts_note()
        return payload
