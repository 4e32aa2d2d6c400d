"""The site's public address, for the absolute links that pages, the API, embeds and
downloads write (oEmbed iframes, paging links, case links in exported files)."""
from django.conf import settings


def site_root(request):
    """The site's absolute base URL without a trailing slash: MAPA_SITE_URL when set (a proxy
    may hide the public host), else the request's own scheme and host."""
    return settings.MAPA_SITE_URL or request.build_absolute_uri("/").rstrip("/")
