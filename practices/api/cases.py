"""The cases in the public API: /api/practices/ (the selection as a GeoJSON FeatureCollection,
streamed or paged) and /api/practices/{slug}/ (one case with every public field). Documented
in docs/api.md and at /api/docs/; the rules all API views follow are in practices.api.base.
"""
from urllib.parse import urlencode

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.response import Response

from practices import geojson, points
from practices.api import serializers
from practices.api.base import (
    BAD_REQUEST,
    GEOJSON,
    JSON,
    NOT_FOUND,
    PAGING_PARAMETERS,
    GeoJSONRenderer,
    PublicApiView,
    parse_paged,
    schema_parameters,
)
from practices.caching import compiled
from practices.fields import CaseFields
from practices.filters import InvalidParameters, known
from practices.models import Practice
from practices.revalidation import private, respond

# Built from the declared examples of practices.fields.CaseFields.
LIST_EXAMPLE = {
    "type": "FeatureCollection",
    "features": [CaseFields.example_feature("summary")],
}
PAGE_EXAMPLE = {
    **LIST_EXAMPLE,
    "numberMatched": 240,
    "numberReturned": 1,
    "next": "https://example.org/api/practices/?tool=budzet-obywatelski&limit=1&offset=1",
    "previous": None,
}
DETAIL_EXAMPLE = CaseFields.example_feature("detail")
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
            "ordered by id, or by `sort` on a page."
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
            answer = geojson.practices_answer(
                compiled("practices", filters,
                         lambda: geojson.stream_statements(filters.practices())),
                note=geojson.sample_note(),
            )
            if isinstance(answer, bytes):  # the whole selection came in the first read
                return HttpResponse(answer, content_type=GEOJSON)
            return StreamingHttpResponse(answer, content_type=GEOJSON)
        return HttpResponse(self.page_text(request, filters, page), content_type=GEOJSON)

    def page_text(self, request, filters, page):
        queryset = filters.practices()
        matched = queryset.count()
        if page.sort == "id":
            features, contains_samples = geojson.fetch_features(
                *geojson.practice_features(queryset, offset=page.offset, limit=page.limit)
            )
        else:
            ids = points.sorted_page_ids(queryset, page)
            features, contains_samples = points.in_order(
                *geojson.practice_features(queryset.filter(pk__in=ids)), ids
            ) if ids else ([], False)
        order = {} if page.sort == "id" else {"sort": page.sort}

        def link(offset):
            query = urlencode(
                {**filters.as_params(), "limit": page.limit, "offset": offset, **order}
            )
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
        # Joined once: chained + would copy the whole page at each step.
        return "".join(('{"type":"FeatureCollection","features":[', ",".join(features), "]",
                        geojson.members(**extra), "}"))


class PracticeDetailView(PublicApiView):
    renderer_classes = [GeoJSONRenderer]

    def initial(self, request, *args, **kwargs):
        # The site's signed-in user (lazy, not read yet), kept before DRF replaces it with
        # its own anonymous one: the API authenticates no one, but a case's author and
        # moderators may read the case's own address, as they may open its page.
        self.site_user = getattr(request._request, "user", None)
        super().initial(request, *args, **kwargs)

    @extend_schema(
        operation_id="practices_detail",
        summary="One published case as a GeoJSON Feature with every public field",
        description=(
            "Cases that are not published answer 404, except to their signed-in author and "
            "to moderators (a preview, marked `Cache-Control: private`)."
        ),
        responses={(200, GEOJSON): serializers.PracticeDetailSerializer, **BAD_REQUEST,
                   **NOT_FOUND},
        examples=[OpenApiExample("A case", value=DETAIL_EXAMPLE, response_only=True,
                                 status_codes=["200"], media_type=GEOJSON)],
    )
    def get(self, request, slug):
        errors = known(request.query_params, [])
        if errors:
            raise InvalidParameters(errors)
        if "\x00" in slug:  # PostgreSQL text cannot hold NUL, so no case has such a slug
            raise Http404
        cases = Practice.objects.select_related("tool", "municipality").prefetch_related("links")
        practice = cases.published().filter(slug=slug).first()
        if practice is not None:
            return respond(
                request, lambda: Response(serializers.PracticeDetailSerializer(practice).data)
            )
        # Not public: its author and moderators may still read it (the case page's rule),
        # never through a shared cache. Only this branch reads the session, so public
        # answers stay independent of cookies.
        practice = get_object_or_404(cases.visible_to(self.site_user), slug=slug)
        return private(Response(serializers.PracticeDetailSerializer(practice).data))
