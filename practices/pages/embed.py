"""The embeddable map (/embed/): the map page's app without the site's frame.

The URL is language-neutral: the embed takes its language from `?lang=` (Polish by default),
never from the visitor's browser, so one URL always renders the same page and shared caches
can keep it. It is the only view other sites may frame (practices.pages.framing).
"""
from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from practices.pages.compression import compressed
from practices.pages.first_requests import answers_script
from practices.pages.framing import allow_framing
from practices.pages.map import MAP_ASSETS, asset_links, js_strings, map_page_data


def embed_language(value):
    """The embed's language: a configured language code, else the default (Polish)."""
    codes = [code for code, _name in settings.LANGUAGES]
    return value if value in codes else settings.LANGUAGE_CODE


@require_safe
@allow_framing
def embed_view(request):
    """The map alone: no site chrome, a small attribution link, no scroll-wheel zoom. Takes
    the map page's parameters plus `lang`, `list=1` and `controls=0`."""
    requested = request.GET.get("lang", "")
    language = embed_language(requested)
    with translation.override(language):
        data, answers, preload = map_page_data(request.GET, embed=True)
        data["lang"] = language
        data["langRefused"] = requested if requested and requested != language else ""
        context = {
            "map_data": data,
            "map_strings": js_strings(),
            "tools": data["tools"],
            "preload_urls": preload,
            "map_answers": answers_script(answers),
            "embed": True,
            "show_list": request.GET.get("list") == "1",
            "show_controls": request.GET.get("controls") != "0",
            "LANGUAGE_CODE": language,
        }
        response = render(request, "practices/embed.html", context)
    response["Content-Language"] = language
    return asset_links(compressed(request, response), MAP_ASSETS)
