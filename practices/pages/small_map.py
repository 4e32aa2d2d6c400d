"""The configuration of the small maps on the case, gmina and tool pages
(static/js/pages/small-map.js): the base map, plus what they need to draw the main map's
markers and clusters (the tools' symbols, the clusters' names for screen readers)."""
from django.urls import reverse
from django.utils.translation import get_language

from geodata.basemap import base_map_config
from practices.pages.map import js_strings, tool_entries


def small_map_config(**extra):
    """The config of a small map; `extra` says what it draws (see small-map.js)."""
    return base_map_config(
        tools=tool_entries(),
        strings={key: js_strings()[key] for key in ("clusterLabel", "spotCases")},
        lang=get_language(),
        **extra,
    )


def outline_url(voivodeships):
    """The gminy of some voivodeships as the main map requests them (the same URL, so the
    browser's cache serves both)."""
    return reverse("api-municipality-list") + "?voivodeship=" + ",".join(sorted(voivodeships))
