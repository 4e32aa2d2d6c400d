"""The oEmbed provider endpoint (/oembed/, https://oembed.com/).

`url` may be the map, an embed, a gmina page or a case page of this site; the answer is a
`rich` response whose iframe shows the embed with the filters the URL implies. Unknown URLs
answer 404, formats other than JSON 501, malformed `maxwidth`/`maxheight` 400. The URL is
language-neutral; the answer's language is the one of the page named by `url`.
"""
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import JsonResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from geodata.models import Municipality
from geodata.teryt import TerytError, parse_gmina
from practices.filters import CaseFilters
from practices.models import Practice
from practices.pages.embed import embed_language
from practices.pages.map import embed_base_url
from practices.pages.site import site_root

PROVIDER_NAME = "Mapa Partycypacji"
# Query parameters of an embed besides the case filters (which practices.filters parses);
# anything else in a given URL is dropped.
EMBED_OPTIONS = ("view", "lat", "lon", "zoom", "list", "controls")
DEFAULT_SIZE = {"map": (800, 600), "municipality": (640, 480), "practice": (640, 480)}
CASE_ZOOM = 12
MAX_DIMENSION = 10_000


def _error(status, param, message):
    response = JsonResponse({"errors": {param: [message]}}, status=status)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _dimension(request, name):
    """A positive integer maxwidth/maxheight, None when absent; ValueError when malformed."""
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or not 0 < int(value) <= MAX_DIMENSION:
        raise ValueError(name)
    return int(value)


def _same_site(request, netloc):
    hosts = {request.get_host().lower()}
    if settings.MAPA_SITE_URL:
        hosts.add(urlsplit(settings.MAPA_SITE_URL).netloc.lower())
    return netloc.lower() in hosts


def _filters_of(query):
    """The embed parameters carried over from a map or embed URL's query string: its case
    filters as practices.filters reads them (the valid ones; every value of a repeated
    `tool` is kept), then the embed's own options."""
    given = QueryDict(query)
    filters, _errors = CaseFilters.parse_lenient(given, extra=given.keys())
    params = filters.as_params()
    params.update({name: given.get(name) for name in EMBED_OPTIONS if given.get(name)})
    return params


def resolve_target(request, url):
    """What a URL of this site shows: (kind, title, embed parameters, language), or None."""
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. "http://[": an unclosed IPv6 address
        return None
    if parts.scheme not in ("http", "https") or not _same_site(request, parts.netloc):
        return None
    path = parts.path or "/"
    language = get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.url_name == "map":
            return "map", _("Participation Map"), _filters_of(parts.query), language
        if match.url_name == "embed":
            params = _filters_of(parts.query)
            language = embed_language(QueryDict(parts.query).get("lang", ""))
            with translation.override(language):
                return "map", _("Participation Map"), params, language
        if match.url_name == "municipality-detail":
            try:
                code = parse_gmina(match.kwargs["teryt"]).code
            except TerytError:
                return None
            gmina = Municipality.objects.filter(teryt=code).first()
            if gmina is None:
                return None
            title = _("Participation in %(name)s") % {"name": gmina.name}
            return "municipality", title, {"municipality": gmina.teryt}, language
        if match.url_name == "practice-detail":
            case = (
                Practice.objects.published().select_related("municipality")
                .filter(slug=match.kwargs["slug"]).first()
            )
            if case is None:
                return None
            point = case.location or case.municipality.point
            params = {
                "municipality": case.municipality_id,
                "lat": f"{point.y:.4f}",
                "lon": f"{point.x:.4f}",
                "zoom": str(CASE_ZOOM),
            }
            return "practice", case.title, params, language
    return None


@require_safe
def oembed_view(request):
    """oEmbed provider endpoint (JSON only)."""
    response_format = request.GET.get("format", "json")
    if response_format != "json":
        return _error(501, "format", _("Only the json format is supported."))
    url = request.GET.get("url", "").strip()
    if not url:
        return _error(400, "url", _("Give the URL of a map, gmina or case page of this site."))
    try:
        max_width = _dimension(request, "maxwidth")
        max_height = _dimension(request, "maxheight")
    except ValueError as error:
        return _error(400, str(error), _("Must be a whole number of pixels from 1 to 10000."))
    target = resolve_target(request, url)
    if target is None:
        return _error(404, "url", _("This URL is not a map, gmina or case page of this site."))
    kind, title, params, language = target
    if language != settings.LANGUAGE_CODE:
        params["lang"] = language
    width, height = DEFAULT_SIZE[kind]
    width = min(width, max_width or width)
    height = min(height, max_height or height)
    src = embed_base_url(request)
    if params:
        src += "?" + urlencode(params, safe=",")
    with translation.override(language):
        if kind == "map":
            frame_title = _("Participation Map: local participation cases on a map")
        else:
            frame_title = _("Participation Map: %(title)s") % {"title": title}
    # Responsive: the frame takes its column's width, never more than `width`, so it
    # fits a phone as well as a wide page.
    html = format_html(
        '<iframe src="{}" title="{}" style="border:0;width:100%;max-width:{}px;height:{}px" '
        'loading="lazy" allowfullscreen></iframe>',
        src, frame_title, width, height,
    )
    response = JsonResponse({
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": PROVIDER_NAME,
        "provider_url": site_root(request) + "/",
        "html": html,
        "width": width,
        "height": height,
    }, json_dumps_params={"ensure_ascii": False})
    # Public data without credentials: scripts on any site may read it, as they read /api/.
    response["Access-Control-Allow-Origin"] = "*"
    return response
