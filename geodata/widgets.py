"""Map widgets for forms, served entirely from our static files.

GeoDjango's own admin widget loads OpenLayers from a CDN, which this project forbids (pages
load nothing from elsewhere except base-map tiles). These widgets use the Leaflet copy that
npm installs (static 'vendor/leaflet/') and a small script of ours (static 'admin-map/').
Configuration reaches the script through json_script, never templated JavaScript.
"""
import json

from django.contrib.gis.forms.widgets import BaseGeometryWidget
from django.template import loader
from django.utils.html import format_html, json_script
from django.utils.safestring import mark_safe

from geodata.basemap import base_map_config

MEDIA_CSS = ("vendor/leaflet/leaflet.css", "admin-map/map-widget.css")
MEDIA_JS = ("vendor/leaflet/leaflet.js", "admin-map/map-widget.js")


class LeafletPointWidget(BaseGeometryWidget):
    """A point picked on a Leaflet map (click to place, drag to move) with the GeoJSON value
    in a visible text box, which also lets keyboard users type or paste a point (GeoJSON or
    WKT, longitude first)."""

    template_name = "admin/widgets/leaflet_point.html"
    geom_type = "POINT"
    map_srid = 4326

    class Media:
        css = {"all": MEDIA_CSS}
        js = MEDIA_JS

    def serialize(self, value):
        return value.json if value else ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        input_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        context.update(input_id=input_id, config_id=f"{input_id}_config", config=base_map_config())
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # The template lives with the admin templates of the project (templates/admin/),
        # which the default form renderer does not search: render through the project's
        # template engine instead.
        # The template autoescapes every value it writes.
        return mark_safe(loader.render_to_string(  # nosec B308 B703
            self.template_name, self.get_context(name, value, attrs)
        ))


def boundary_map(geometry, element_id, label):
    """HTML of a read-only map of `geometry` (e.g. a gmina's display boundary) described by
    `label` for screen readers: a div and the GeoJSON in a json_script element. The page
    needs MEDIA_CSS and MEDIA_JS."""
    data_id = f"{element_id}_data"
    feature = json.loads(geometry.json) if geometry else None
    return format_html(
        '<div class="mapa-boundary-map" id="{}" data-config="{}" role="img" '
        'aria-label="{}"></div>{}',
        element_id, data_id, label, json_script(base_map_config(geometry=feature), data_id),
    )
