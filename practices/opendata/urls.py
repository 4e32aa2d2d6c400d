"""Open-data URLs (language-neutral): vector tiles."""
from django.urls import path

from practices.opendata import tiles

urlpatterns = [
    path(
        "tiles/<str:layer>/<str:z>/<str:x>/<str:y>.mvt", tiles.tile_view, name="tile",
    ),
]
