"""/embed/ and /oembed/: language-neutral (the embed takes ?lang=). /embed/ is the only page
other sites may frame (see mapa.middleware)."""
from django.urls import path

from practices import embed

urlpatterns = [
    path("embed/", embed.embed_view, name="embed"),
    path("oembed/", embed.oembed_view, name="oembed"),
]
