"""The map's styles and scripts written into its HTML (the map page and the embed), instead of
named in it for the browser to fetch.

Why: on a phone's slow connection every file the HTML names waits a round trip of its own
after the HTML's (562.5 ms in `make bench` web's phone profile), and the map cannot start
before its last script has come. Written into the HTML, the same bytes come in the HTML's
own round trip. What it costs: a returning visitor's browser cannot keep them apart from
the page (about 75 KB compressed per map page). The other pages, whose small maps and styles
are cached across pages, still link their files.

Rules:
- `{% inline_asset path %}` writes a static file's text into a <style> or <script> element
  (`module` for an ES module), read from the static files storage: the collected, hashed
  file in production (MAPA_MANIFEST_STATIC), the source found by the finders otherwise. The
  text is read once per process and file version (its modification time and size).
- A style's relative url()s are resolved against the file's own address, and a script's
  source map comment names the map's address: the text no longer sits beside them.
- A text that could end its element early or open an HTML comment inside it (`</script`,
  `</style`, `<!--`, `<script`) is not written in: the element then links the file, as before.
- Content Security Policy: each script written in is allowed by its SHA-256 digest, added to
  `script-src` for that response only (practices.pages.framing reads `request.
  mapa_script_hashes`); inline styles are allowed by the site's policy already.
"""
import base64
import hashlib
import os
import re
from functools import lru_cache
from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

UNSAFE = re.compile(r"</script|</style|<!--|<script", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=(\S+)[ \t]*$", re.MULTILINE)
SCRIPT_HASHES = "mapa_script_hashes"


def _file(path):
    """The file system path of a static file as the site serves it, or None."""
    if settings.MANIFEST_STATIC:
        try:
            return staticfiles_storage.path(staticfiles_storage.stored_name(path))
        except ValueError:  # not in the manifest: collectstatic has not run
            return None
    return finders.find(path)


def inline_text(path):
    """The text of static file `path` ready to be written into the page, or None when it
    cannot be (missing, or unsafe inside its element)."""
    found = _file(path)
    if not found:
        return None
    try:
        status = os.stat(found)
    except OSError:
        return None
    return _prepared(path, found, status.st_mtime_ns, status.st_size, static(path))


@lru_cache(maxsize=32)
def _prepared(path, found, _mtime, _size, url):
    with open(found, encoding="utf-8") as file:
        return prepared_text(file.read(), path, url)


def prepared_text(text, path, url):
    """`text`, the file `path` served at `url`, ready to be written into the page; None if it
    cannot be."""
    if path.endswith(".css"):
        text = CSS_URL.sub(lambda match: _absolute_url(match, url), text)
    else:
        text = SOURCE_MAP.sub(lambda match: "//# sourceMappingURL=" + urljoin(url, match[1]),
                              text)
    return None if UNSAFE.search(text) else text


def _absolute_url(match, base):
    quote, target = match[1], match[2]
    if target.startswith(("data:", "#", "/")) or "://" in target:
        return match[0]
    return f"url({quote}{urljoin(base, target)}{quote})"


@lru_cache(maxsize=8)
def script_hash(text):
    """The CSP source of a script's text, computed once per text (the cached text of
    _prepared is the same object on every page, whose hash Python keeps)."""
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return f"'sha256-{digest}'"


@register.simple_tag(takes_context=True)
def inline_asset(context, path, kind=""):
    """A static file's <style> or <script> element, its text written in (see the module's
    rules), or the element linking it when it cannot be."""
    text = inline_text(path)
    if path.endswith(".css"):
        if text is None:
            return format_html('<link rel="stylesheet" href="{}">', static(path))
        return _element("<style>", text, "</style>")
    module = kind == "module"
    if text is None:
        if module:
            return format_html('<script type="module" src="{}"></script>', static(path))
        return format_html('<script defer src="{}"></script>', static(path))
    request = context.get("request")
    if request is not None:
        hashes = getattr(request, SCRIPT_HASHES, [])
        hashes.append(script_hash(text))
        setattr(request, SCRIPT_HASHES, hashes)
    return _element('<script type="module">' if module else "<script>", text, "</script>")


def _element(opening, text, closing):
    # Raw text: HTML escaping would change the code. inline_text() refused every text that
    # could end the element or open a comment in it.
    return mark_safe(opening + text + closing)  # nosec B308 B703
