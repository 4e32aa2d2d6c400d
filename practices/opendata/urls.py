"""Open-data URLs (language-neutral): vector tiles, downloads and feeds of the selection."""
from django.urls import path

from practices.opendata import downloads, feeds, tiles

urlpatterns = [
    path(
        "tiles/<str:layer>/<str:z>/<str:x>/<str:y>.mvt", tiles.tile_view, name="tile",
    ),
    path("export/map.html", downloads.map_download, name="export-map"),
    path("feeds/practices.<str:kind>", feeds.feed_view, name="feed"),
]
