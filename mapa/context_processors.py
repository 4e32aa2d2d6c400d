from django.conf import settings


def site(request):
    """Map configuration every page may need; templates pass it to JS via json_script."""
    return {
        "map_config": {
            "center": settings.MAPA_MAP_CENTER,
            "zoom": settings.MAPA_MAP_ZOOM,
            "tileUrl": settings.MAPA_TILE_URL,
            "tileAttribution": settings.MAPA_TILE_ATTRIBUTION,
            "maxZoom": settings.MAPA_TILE_MAX_ZOOM,
            "region": settings.MAPA_DEFAULT_REGION,
        }
    }
