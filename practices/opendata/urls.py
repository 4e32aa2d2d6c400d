"""Open-data URLs (language-neutral): vector tiles, downloads and feeds of the selection."""
from django.urls import path

from practices.opendata import downloads, exports, feeds, tiles
from practices.opendata.ogc import views as ogc

urlpatterns = [
    path(
        "tiles/<str:layer>/<str:z>/<str:x>/<str:y>.mvt", tiles.tile_view, name="tile",
    ),
    path("export/map.html", downloads.map_download, name="export-map"),
    path("export/practices.<str:fmt>", exports.practices_export, name="export-practices"),
    path(
        "export/municipalities.<str:fmt>", exports.municipalities_export,
        name="export-municipalities",
    ),
    path("feeds/practices.<str:kind>", feeds.feed_view, name="feed"),
    path("ogc/", ogc.landing_view, name="ogc-landing"),
    path("ogc/conformance", ogc.conformance_view, name="ogc-conformance"),
    path("ogc/api", ogc.openapi_view, name="ogc-openapi"),
    path("ogc/collections", ogc.collections_view, name="ogc-collections"),
    path("ogc/collections/<str:collection>", ogc.collection_view, name="ogc-collection"),
    path("ogc/collections/<str:collection>/items", ogc.items_view, name="ogc-items"),
    path(
        "ogc/collections/<str:collection>/items/<str:feature_id>", ogc.item_view,
        name="ogc-item",
    ),
    # Last: whatever else is asked under /ogc/ gets the service's JSON 404.
    path("ogc/<path:rest>", ogc.unknown_view, name="ogc-unknown"),
]
