"""The base map every Leaflet map of the site starts from: tiles, attribution, zoom limit,
initial view and the default region, all from the settings (MAPA_TILE_URL, MAPA_MAP_CENTER,
MAPA_DEFAULT_REGION...). Pages and form widgets pass it to their scripts through json_script."""
import json

from django.conf import settings


def base_map_config(**extra):
    """The map settings as the scripts read them, plus `extra` members."""
    return {
        "center": settings.MAPA_MAP_CENTER,
        "zoom": settings.MAPA_MAP_ZOOM,
        "tileUrl": settings.MAPA_TILE_URL,
        "tileAttribution": settings.MAPA_TILE_ATTRIBUTION,
        "maxZoom": settings.MAPA_TILE_MAX_ZOOM,
        "region": settings.MAPA_DEFAULT_REGION,
        **extra,
    }


def geometry_json(geometry):
    """A GEOS geometry as a GeoJSON geometry object (for json_script), or None."""
    return json.loads(geometry.geojson) if geometry else None
