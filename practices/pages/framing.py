"""The browser policies of every response: the Content Security Policy (django-csp, with the
base policy in settings.CONTENT_SECURITY_POLICY, and the digests of the scripts a page wrote
into its HTML, practices.pages.inline_assets), Permissions-Policy, and the framing policy:
which responses other sites may show inside an <iframe>.

Framing policy:
- Every response refuses framing: `X-Frame-Options: DENY` (set by Django's
  XFrameOptionsMiddleware, settings.X_FRAME_OPTIONS) and the CSP directive `frame-ancestors
  'none'` (set here; browsers that know CSP obey it over the older header).
- A view decorated with `allow_framing` opts out: its response may be framed by any origin
  (`frame-ancestors *`), or only by this site and the origins listed in
  settings.MAPA_EMBED_ALLOWED_ORIGINS when that list is not empty. Such a response carries no
  `X-Frame-Options`, because `DENY` would override the allow-list in older browsers.

Only the embeddable map (/embed/) is decorated. Opting in per view, rather than switching
clickjacking protection off for the whole site, keeps every other page (admin, forms) safe.
"""
import re
from functools import wraps
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from practices.pages.inline_assets import SCRIPT_HASHES

FRAMING_ATTRIBUTE = "mapa_allow_framing"
# An origin as CSP writes it: scheme, host (optionally "*." for any subdomain), optional port.
ORIGIN = re.compile(r"https?://(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
                    r"(:\d{1,5})?", re.IGNORECASE)


def allow_framing(view):
    """Mark a view's responses as embeddable by other sites (see the module's policy)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        setattr(response, FRAMING_ATTRIBUTE, True)
        # Tells Django's XFrameOptionsMiddleware not to add X-Frame-Options.
        response.xframe_options_exempt = True
        return response

    return wrapped


def frame_ancestors(allow_framing_here):
    """The CSP frame-ancestors sources of a response."""
    if not allow_framing_here:
        return ["'none'"]
    origins = settings.MAPA_EMBED_ALLOWED_ORIGINS
    if not origins:
        return ["*"]
    return ["'self'", *origins]


def tile_origin(url_template):
    """The origin of the base-map tiles for img-src ('https://*.tile.example.org' when the
    template picks a subdomain with {s}), or None without tiles."""
    parts = urlsplit(url_template.replace("{s}.", "*.")) if url_template else None
    if not parts or not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (settings.CONTENT_SECURITY_POLICY) with this site's rules per
    response: frame-ancestors from the framing policy above, the tile server allowed as an
    image source, and a Permissions-Policy header on every response."""

    def __init__(self, get_response):
        super().__init__(get_response)
        # Checked at start-up: a stray ';' or quote would rewrite the whole policy.
        for origin in settings.MAPA_EMBED_ALLOWED_ORIGINS:
            if not ORIGIN.fullmatch(origin):
                raise ImproperlyConfigured(
                    f"MAPA_EMBED_ALLOWED_ORIGINS contains {origin!r}: list origins such as "
                    "https://www.example.pl or https://*.example.pl, separated by commas."
                )

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        embeddable = getattr(response, FRAMING_ATTRIBUTE, False)
        parts.replace = {**(parts.replace or {}), "frame-ancestors": frame_ancestors(embeddable)}
        tiles = tile_origin(settings.MAPA_TILE_URL)
        if tiles:
            parts.update = {**(parts.update or {}), "img-src": [tiles]}
        # The digests of the scripts the page has written in (practices.pages.inline_assets):
        # those scripts, and no other inline script, may run.
        hashes = getattr(request, SCRIPT_HASHES, None)
        if hashes:
            parts.update = {**(parts.update or {}), "script-src": hashes}
        return parts

    def process_response(self, request, response):
        if getattr(response, FRAMING_ATTRIBUTE, False) and response.get("X-Frame-Options"):
            # A view cannot be framed by partners while it also says DENY.
            del response["X-Frame-Options"]
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response = super().process_response(request, response)
        if "Content-Security-Policy" in response:
            response["Content-Security-Policy"] = in_settings_order(
                response["Content-Security-Policy"]
            )
        return response


def in_settings_order(policy):
    """The policy's directives in the order settings list them (django-csp writes them in set
    order, which changes from one process to the next): one stable header to read and diff."""
    order = list(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
    directives = [part.strip() for part in policy.split(";") if part.strip()]

    def position(directive):
        name = directive.split(" ", 1)[0]
        return order.index(name) if name in order else len(order)

    return "; ".join(sorted(directives, key=position))


def directives(policy):
    """{directive: [sources]} of a Content-Security-Policy header."""
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed
