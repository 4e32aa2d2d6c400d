"""What every view of the public API shares: anonymous read-only access, one representation
per resource, strict parameters answered with 400 {"errors": {parameter: [messages]}}, and
messages in the language of Accept-Language (Polish by default).

Rules every view of practices.api follows:
- Only published cases, through `CaseFilters.practices()` / `Practice.objects.published()`.
  The one exception is a case's own address (/api/practices/{slug}/), which its signed-in
  author and moderators may read, privately, as they may open its page.
- Parameters are parsed by practices.filters; any problem is a 400 before anything else
  happens.
- Successful responses carry ETag/Last-Modified and answer revalidation with 304
  (practices.caching).
- The data and the URLs do not depend on the language; messages (errors, sample notes) do.
- Views never negotiate themselves into a 406: a client asking for another type still gets
  JSON/GeoJSON. Errors are always application/json.
"""
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from practices.api import serializers
from practices.filters import (
    CASE_PARAMETERS,
    PAGING_PARAMETERS,
    CaseFilters,
    InvalidParameters,
    parse_page,
)
from practices.parameter_schemas import PARAMETER_SCHEMAS

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
    """OpenAPI descriptions of the case parameters, with the constraints their parsers
    enforce, from the one list in practices.filters."""
    specs = {**{name: CASE_PARAMETERS[name] for name in (names or CASE_PARAMETERS)},
             **(extra or {})}
    return [
        OpenApiParameter(
            name, PARAMETER_SCHEMAS.get(name, OpenApiTypes.STR), OpenApiParameter.QUERY,
            description=description,
        )
        for name, description in specs.items()
    ]


BAD_REQUEST = {(400, JSON): serializers.ErrorsSerializer}
NOT_FOUND = {(404, JSON): serializers.NotFoundSerializer}
