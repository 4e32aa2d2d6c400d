"""The map's pages sent Brotli-compressed, compressed once and kept.

Why: the map page and the embed carry their styles and scripts in their HTML
(practices.pages.inline_assets): about 270 KB of text, nearly all of it the same on every
visit. GZipMiddleware compressed it for every response (about 9 ms of CPU, 81 KB), where the
files it replaced had been compressed once, with Brotli, when collected. Brotli makes about
77 KB of the page, and the compressed bytes are kept in the cache under the digest of the
page's text (practices.caching.kept): a page sent again costs a digest and a cache read.

Rules:
- Only for a client that accepts `br`, on a request without cookies: an anonymous visitor's
  page holds no secret. A signed-in member's page (which may hold a CSRF token next to text
  from the address) is left to GZipMiddleware, whose random padding stands against BREACH.
- Only a complete 200 HTML response that no layer has encoded yet; anything else is left as
  it is, for GZipMiddleware.
- `Vary: Accept-Encoding`, as GZipMiddleware says it.
"""
import hashlib
import re

import brotli
from django.utils.cache import patch_vary_headers

from practices.caching import kept

ACCEPTS_BROTLI = re.compile(r"\bbr\b")  # as GZipMiddleware reads Accept-Encoding for gzip
QUALITY = 6  # of 11: 77 KB of the map page in 13 ms; 11 saves 6 KB more in half a second


def compressed(request, response):
    """`response`, Brotli-compressed when the module's rules allow it."""
    if (
        request.COOKIES
        or not ACCEPTS_BROTLI.search(request.headers.get("Accept-Encoding", ""))
        or response.status_code != 200
        or response.streaming
        or response.has_header("Content-Encoding")
        or not response.get("Content-Type", "").startswith("text/html")
    ):
        return response
    text = response.content
    digest = hashlib.blake2b(text, digest_size=20).hexdigest()
    response.content = kept("brotli-page", digest,
                            lambda: brotli.compress(text, quality=QUALITY))
    response["Content-Encoding"] = "br"
    response["Content-Length"] = str(len(response.content))
    patch_vary_headers(response, ("Accept-Encoding",))
    return response
