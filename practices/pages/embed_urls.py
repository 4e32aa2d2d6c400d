"""/embed/ and /oembed/: language-neutral (the embed takes ?lang=). /embed/ is the only page
other sites may frame (see practices.pages.framing)."""
from django.urls import path

from practices.pages import embed, oembed

urlpatterns = [
    path("embed/", embed.embed_view, name="embed"),
    path("oembed/", oembed.oembed_view, name="oembed"),
]
