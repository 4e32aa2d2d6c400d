"""A standalone HTML map of a selection, made with folium, that opens offline: markers
coloured by tool with popups, optionally the choropleth of cases per gmina, a legend, a title
and the attribution.

Rules:
- folium loads Leaflet, jQuery, Bootstrap and more from CDNs by default. Here every script and
  stylesheet is Leaflet's own from our npm copy (node_modules), inlined as data: URIs, plus a
  few lines of our CSS; nothing else is loaded (no markers with icon fonts), so the file has no
  remote script or stylesheet. Base-map tiles are images from MAPA_TILE_URL, added only when
  asked (`tiles=True`): without them the map still shows the gminy's outlines.
- The cases are the selection's, in the API's order and with the API's properties
  (practices.geojson), one GeoJSON layer (not one script per marker, so 10,000 cases stay a
  few MB). folium writes popups with innerHTML, so every value is HTML-escaped here first.
- The choropleth's classes are practices.choropleth's, the same as on the site.
"""
import base64
import html
import json
from pathlib import Path

import folium
from django.conf import settings
from django.contrib.gis.db.models import Extent
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from geodata.basemap import base_map_config
from practices import choropleth, geojson, stat_counts
from practices.models import ParticipationTool

LEAFLET = Path("node_modules/leaflet/dist")
SAMPLE_COLOR = "#555555"
STYLE = """
.mapa-title{position:absolute;z-index:1000;top:10px;left:50px;right:10px;margin:0;
 font:600 18px/1.3 system-ui,sans-serif;background:#fff;padding:6px 10px;border-radius:4px;
 box-shadow:0 1px 4px rgba(0,0,0,.3)}
.mapa-legend{position:absolute;z-index:1000;top:60px;right:10px;max-width:260px;
 font:13px/1.4 system-ui,sans-serif;background:#fff;padding:8px 10px;border-radius:4px;
 box-shadow:0 1px 4px rgba(0,0,0,.3)}
.mapa-legend h2{font-size:14px;margin:0 0 4px}
.mapa-legend ul{list-style:none;margin:0;padding:0}
.mapa-legend span{display:inline-block;width:12px;height:12px;margin-right:6px;
 border:1px solid #444;vertical-align:-1px}
.mapa-legend .dot{border-radius:50%}
.mapa-note{margin:6px 0 0;font-size:12px}
"""


def _data_uri(path, mime):
    payload = base64.b64encode((settings.BASE_DIR / path).read_bytes()).decode("ascii")
    return f"data:{mime};base64,{payload}"


def _offline(figure_map):
    """Replace folium's CDN assets with Leaflet's own, inlined."""
    figure_map.default_js = [("leaflet", _data_uri(LEAFLET / "leaflet.js", "text/javascript"))]
    figure_map.default_css = [("leaflet_css", _data_uri(LEAFLET / "leaflet.css", "text/css"))]


def _escape(value):
    """Text as HTML that folium's Jinja2 templates leave alone: folium renders the parts of
    the page (folium.Element takes its HTML as a template source) through Jinja2, so braces
    are written as character references, or `{{ ... }}` in a title or in the `title`
    parameter would be evaluated on the server."""
    text = html.escape("" if value is None else str(value))
    return text.replace("{", "&#123;").replace("}", "&#125;")


# What the file's layers read of each feature. folium writes the features into its Jinja2
# template source, so free text (titles, names) goes in only escaped, inside `popup` and
# `label`; the rest are codes, slugs, numbers and colours.
CASE_PROPERTIES = ("url", "tool", "municipality", "year", "is_sample", "popup", "color")
GMINA_PROPERTIES = ("teryt", "practice_count", "label", "fill")


def _only(properties, names):
    kept = {name: properties[name] for name in names if name in properties}
    if "url" in kept:  # a path made from the slug: braces, were there any, percent-encoded
        kept["url"] = kept["url"].replace("{", "%7B").replace("}", "%7D")
    return kept


def _features(sql, params):
    texts, _samples = geojson.fetch_features(sql, params)
    return [json.loads(text) for text in texts]


def _case_layer(features, tools, case_url):
    """One GeoJSON layer of circle markers coloured by tool, with escaped popups."""
    for feature in features:
        properties = feature["properties"]
        tool = tools.get(properties["tool"])
        url, text = _escape(case_url(properties["url"])), _escape(properties["title"])
        link = f'<a href="{url}" target="_blank" rel="noopener">{text}</a>'
        sample = ""
        if properties["is_sample"]:
            sample = f'<br><em>{_escape(_("Sample record, not a real case"))}</em>'

        properties["popup"] = (
            f"<strong>{link}</strong><br>{_escape(tool.name if tool else properties['tool'])}, "
            f"{_escape(properties['year'])}, {_escape(properties['municipality_name'])}{sample}"
        )
        properties["color"] = tool.color if tool else SAMPLE_COLOR
        feature["properties"] = _only(properties, CASE_PROPERTIES)
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=_("Cases"),
        marker=folium.CircleMarker(radius=6, weight=1, fill=True, fill_opacity=0.9),
        style_function=lambda feature: {
            "color": "#222222" if not feature["properties"]["is_sample"] else SAMPLE_COLOR,
            "fillColor": feature["properties"]["color"],
            "dashArray": "2 2" if feature["properties"]["is_sample"] else None,
        },
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False),
    )


def _gmina_layer(features, classes, shaded):
    """The gminy: shaded by their count (choropleth) or drawn as outlines."""
    for feature in features:
        properties = feature["properties"]
        count = properties["practice_count"]
        properties["label"] = _escape(f"{properties['name']}: {count}")
        properties["fill"] = choropleth.color_of(classes, count)
        feature["properties"] = _only(properties, GMINA_PROPERTIES)
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=_("Gminy"),
        style_function=lambda feature: {
            "color": "#4d4d4d", "weight": 0.6,
            "fillColor": feature["properties"]["fill"],
            "fillOpacity": 0.85 if shaded else 0,
        },
        tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False) if shaded else None,
    )


def _legend(tools, classes, shaded, contains_samples, attribution):
    items = []
    if shaded:
        title = _("Matching cases per gmina")
        items.append(f'<li><span style="background:{choropleth.ZERO_COLOR}"></span>'
                     f'{_escape(_("No matching cases"))}</li>')
        for item in classes:
            label = str(item.low) if item.low == item.high else f"{item.low}–{item.high}"
            items.append(f'<li><span style="background:{item.color}"></span>{label}</li>')
    else:
        title = _("Tools")
        for tool in tools.values():
            items.append(f'<li><span class="dot" style="background:{tool.color}"></span>'
                         f"{_escape(tool.name)}</li>")
    notes = []
    if contains_samples:
        notes.append(_("The counts include sample records, not real cases.") if shaded
                     else _("Dashed grey markers are sample records, not real cases."))
    notes.append(attribution)
    paragraphs = "".join(f'<p class="mapa-note">{_escape(note)}</p>' for note in notes)
    return (f'<div class="mapa-legend"><h2>{_escape(title)}</h2><ul>{"".join(items)}</ul>'
            f"{paragraphs}</div>")


def build_map(filters, *, title, choropleth_view=False, tiles=False, site_url=""):
    """The folium Map of the selection `filters` (a CaseFilters). `site_url` makes the case
    links absolute (the file is opened away from the site)."""
    config = base_map_config()
    figure_map = folium.Map(
        location=config["center"], zoom_start=config["zoom"], tiles=None,
        max_zoom=config["maxZoom"], control_scale=True,
    )
    _offline(figure_map)
    if tiles and config["tileUrl"]:
        folium.TileLayer(
            config["tileUrl"], attr=config["tileAttribution"], max_zoom=config["maxZoom"],
            name=_("Base map"),
        ).add_to(figure_map)
    tools = {tool.slug: tool for tool in ParticipationTool.objects.all()}
    cases = _features(*geojson.practice_features(filters.practices()))
    gminy = filters.municipalities()
    if not (filters.municipality or filters.county or filters.voivodeship or filters.bbox):
        gminy = gminy.filter(voivodeship_id__in=config["region"])
    gmina_features = _features(*geojson.municipality_features(
        gminy, filters.practices(), counted=stat_counts.kept_counts(filters)))
    classes = choropleth.count_classes(
        [feature["properties"]["practice_count"] for feature in gmina_features]
    )
    _gmina_layer(gmina_features, classes, choropleth_view).add_to(figure_map)
    if not choropleth_view:
        _case_layer(cases, tools, lambda path: site_url + path).add_to(figure_map)
    if site_url:
        attribution = _("Data: Participation Map (%(url)s), CC BY 4.0") % {"url": site_url}
    else:
        attribution = _("Data: Participation Map, CC BY 4.0")
    html_parts = [
        f"<style>{STYLE}</style>",
        f'<h1 class="mapa-title">{_escape(title)}</h1>',
        _legend(tools, classes, choropleth_view,
                any(feature["properties"]["is_sample"] for feature in cases), attribution),
    ]
    figure_map.get_root().html.add_child(folium.Element("".join(html_parts)))
    figure_map.get_root().header.add_child(folium.Element(
        f'<meta name="description" content="{_escape(title)}">'
    ))
    box = gminy.aggregate(box=Extent(Coalesce("display_boundary", "boundary")))["box"]
    if box:
        west, south, east, north = box
        figure_map.fit_bounds([[south, west], [north, east]], max_zoom=12)
    return figure_map, len(cases)


def render_map(filters, **options):
    """(the standalone HTML text, the number of cases in it)."""
    figure_map, count = build_map(filters, **options)
    return figure_map.get_root().render(), count
