"""Values every page template needs (the context processor `site`, named in settings): the
map configuration, the site's absolute address, the canonical URL, the language switcher and
the Open Graph locale."""
from django.conf import settings
from django.urls import Resolver404, resolve, reverse
from django.urls.base import translate_url
from django.utils import translation

from geodata.basemap import base_map_config
from practices.addresses import site_root  # noqa: F401 -- pages import it from here too

# Open Graph wants territory-qualified locales.
OG_LOCALES = {"pl": "pl_PL", "en": "en_GB"}


def _resolves(path):
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def language_links(request):
    """One entry per language: the current page in that language. `url` keeps the query
    string (the switcher keeps filters); `path` does not (hreflang alternates, canonical).

    A path that does not resolve (a 404 page) falls back to the home page of that language
    rather than a link that stays in the wrong language."""
    full_path = request.get_full_path_info()
    resolvable = _resolves(request.path_info)
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if resolvable:
            url = translate_url(full_path, code)
            path = translate_url(request.path_info, code)
        else:
            with translation.override(code):
                url = path = reverse("map")
        info = translation.get_language_info(code)
        links.append({
            "code": code,
            "name": name,
            "name_local": info["name_local"],
            "url": url,
            "path": path,
            "is_current": code == current,
        })
    return links


def site(request):
    """Map configuration (templates pass it to JS via json_script) and page metadata."""
    context = {
        "map_config": base_map_config(),
        "contact_email": getattr(settings, "MAPA_CONTACT_EMAIL", ""),
    }
    language = translation.get_language() or settings.LANGUAGE_CODE
    root = site_root(request)
    links = language_links(request)
    context.update({
        "site_root": root,
        "canonical_url": root + request.path,
        "language_links": links,
        "alternate_links": [
            {"hreflang": link["code"], "href": root + link["path"]} for link in links
        ],
        "default_language_url": root + next(
            link["path"] for link in links if link["code"] == settings.LANGUAGE_CODE
        ),
        "og_locale": OG_LOCALES.get(language, language),
        "og_locale_alternates": [
            OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language
        ],
    })
    return context
