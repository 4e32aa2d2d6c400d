"""Downloads of the selection as files: /export/map.html, the standalone offline map
(practices/opendata/staticmap.py) behind the map page's "Download map".

The URL is language-neutral: `lang` picks the file's language (Polish by default). The case
filters are the API's; a problem is a 400 {"errors": {parameter: [messages]}}.
"""
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from practices.addresses import site_root
from practices.filters import CaseFilters
from practices.opendata.staticmap import render_map

MAP_OPTIONS = ("view", "title", "lang")
VIEWS = ("markers", "choropleth")
MAX_TITLE = 200


def _option_errors(params):
    errors = {}
    view = params.get("view", "markers") or "markers"
    if view not in VIEWS:
        errors["view"] = [_("Unknown view '%(value)s'. Allowed: %(allowed)s.")
                          % {"value": view[:40], "allowed": ", ".join(VIEWS)}]
    if len(params.get("title", "")) > MAX_TITLE:
        errors["title"] = [_("The title is too long: at most %(max)d characters.")
                           % {"max": MAX_TITLE}]
    return errors


@require_safe
def map_download(request):
    """The selection as a standalone HTML map, as an attachment."""
    languages = [code for code, _name in settings.LANGUAGES]
    language = request.GET.get("lang") or settings.LANGUAGE_CODE
    language = language if language in languages else settings.LANGUAGE_CODE
    with translation.override(language):
        filters, errors = CaseFilters.parse_lenient(request.GET, extra=MAP_OPTIONS)
        errors.update(_option_errors(request.GET))
        if errors:
            return JsonResponse({"errors": errors}, status=400)
        view = request.GET.get("view") or "markers"
        title = request.GET.get("title", "").strip() or _("Participation Map")
        text, _count = render_map(
            filters, title=title, choropleth_view=view == "choropleth",
            site_url=site_root(request),
        )
    response = HttpResponse(text, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mapa-partycypacji.html"'
    response["Content-Language"] = language
    return response
