"""The framing policy: which responses other sites may show inside an <iframe>.

Policy:
- Every response refuses framing: `X-Frame-Options: DENY` (set by Django's
  XFrameOptionsMiddleware, settings.X_FRAME_OPTIONS) and `Content-Security-Policy:
  frame-ancestors 'none'` (set here; browsers that know CSP obey it over the older header).
- A view decorated with `allow_framing` opts out: its response may be framed by any origin
  (`frame-ancestors *`), or only by this site and the origins listed in
  settings.MAPA_EMBED_ALLOWED_ORIGINS when that list is not empty. Such a response carries no
  `X-Frame-Options`, because `DENY` would override the allow-list in older browsers.

Only the embeddable map (/embed/) is decorated. Opting in per view, rather than switching
clickjacking protection off for the whole site, keeps every other page (admin, forms) safe.
"""
import re
from functools import wraps

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

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
    """The CSP frame-ancestors directive for a response."""
    if not allow_framing_here:
        return "frame-ancestors 'none'"
    origins = settings.MAPA_EMBED_ALLOWED_ORIGINS
    if not origins:
        return "frame-ancestors *"
    return "frame-ancestors 'self' " + " ".join(origins)


class FramingPolicyMiddleware:
    """Adds the frame-ancestors directive to every response (see the module's policy)."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Checked at start-up: a stray ';' or quote would rewrite the whole policy.
        for origin in settings.MAPA_EMBED_ALLOWED_ORIGINS:
            if not ORIGIN.fullmatch(origin):
                raise ImproperlyConfigured(
                    f"MAPA_EMBED_ALLOWED_ORIGINS contains {origin!r}: list origins such as "
                    "https://www.example.pl or https://*.example.pl, separated by commas."
                )

    def __call__(self, request):
        response = self.get_response(request)
        embeddable = getattr(response, FRAMING_ATTRIBUTE, False)
        if embeddable and response.get("X-Frame-Options"):
            # A view cannot be framed by partners while it also says DENY.
            del response["X-Frame-Options"]
        directive = frame_ancestors(embeddable)
        policy = response.get("Content-Security-Policy", "")
        if "frame-ancestors" not in policy:
            response["Content-Security-Policy"] = (
                f"{policy.rstrip('; ')}; {directive}" if policy else directive
            )
        return response
