"""Case descriptions: Markdown rendered to HTML, then cleaned through an allow-list.

Policy:
- Markdown (with tables and fenced code) becomes HTML; raw HTML in the text is allowed through
  Markdown but then cleaned by nh3 like everything else: only the tags and attributes below
  survive; `<script>`/`<style>` are removed with their content; links keep only http(s),
  mailto and relative URLs (so `javascript:` links lose their href).
- Every link gets `rel="nofollow noopener"`: descriptions are written by the public, and we do
  not want to lend the site's ranking to what they link, nor give linked pages a handle on ours.
- Images are not allowed. An image from another host would make every reader's browser
  contact that host (a tracking pixel, a page that fails offline and breaks the rule that our
  pages load nothing from elsewhere), and the site has no image uploads of its own yet.
  Link to the picture instead.
- Headings move one level down (# -> h2), because the case page's title is the only h1.
"""
import markdown as markdown_lib
import nh3
from django.utils.safestring import mark_safe
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "s", "del", "sub", "sup", "code", "pre",
    "blockquote", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "a", "abbr",
    "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener"


class _DemoteHeadings(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            if element.tag in ("h1", "h2", "h3", "h4", "h5"):
                element.tag = f"h{int(element.tag[1]) + 1}"


class _DemoteHeadingsExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (the Markdown extension API's name)
        md.treeprocessors.register(_DemoteHeadings(md), "demote_headings", 5)


def link_href(url):
    """A stored URL (a case's source, a fact) as a link target: the URL itself when its scheme
    is on the same allow-list as descriptions' links (http, https, mailto), else "" (shown as
    text, never a link): a `javascript:` or `data:` URL that reached the database by another
    way than the validated forms (an import, SQL) must not become a script on a click."""
    scheme, colon, _rest = (url or "").strip().partition(":")
    if colon and scheme.lower() in URL_SCHEMES:
        return url.strip()
    return ""


def sanitise_html(html):
    """`html` reduced to the allow-list (see the module docstring)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown(text):
    """Markdown `text` as safe HTML (a SafeString for templates); empty text gives ""."""
    if not text or not text.strip():
        return mark_safe("")  # nosec B308
    html = markdown_lib.markdown(
        text,
        extensions=["tables", "fenced_code", "sane_lists", _DemoteHeadingsExtension()],
        output_format="html",
    )
    # Cleaned by nh3 just above.
    return mark_safe(sanitise_html(html))  # noqa: S308 # nosec B308 B703
