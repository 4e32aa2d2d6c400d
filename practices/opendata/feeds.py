"""Feeds of newly published cases for the network's newsletter: /feeds/practices.atom and
/feeds/practices.rss, newest first by first publication.

Rules:
- The filters are the API's (practices.filters.CaseFilters), so "new participatory budgets in
  podlaskie" is `?tool=budzet-obywatelski&voivodeship=20`; a problem is a 400
  {"errors": {parameter: [messages]}} naming it. Only published cases.
- The URL is language-neutral: `lang` picks the language of the texts and links (Polish by
  default), never the reader's browser, so one URL is always the same feed.
- Each entry links to the case page and says tool, gmina and year; sample cases say so in
  their title. At most MAX_ITEMS entries.
"""
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from practices.addresses import site_root
from practices.filters import CaseFilters
from practices.models import ParticipationTool

MAX_ITEMS = 50
FEED_OPTIONS = ("lang",)
# Characters XML 1.0 cannot carry (C0 controls but tab and line breaks, and U+FFFE/U+FFFF):
# a stored text holding one (imports keep what they read) would make the whole feed a 500.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value):
    """Stored text as XML can carry it: the characters XML 1.0 forbids are left out."""
    return NOT_XML.sub("", value) if value else value


class PracticeFeed(Feed):
    """The feed of one selection; `get_object` receives the parsed filters."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, filters, root):
        return {"filters": filters, "root": root, "request": request}

    def title(self, obj):
        tools = [xml_text(tool.name) for tool in ParticipationTool.objects.filter(
            slug__in=obj["filters"].tool)]
        if tools:
            return _("Participation Map: new cases of %(tools)s") % {"tools": ", ".join(tools)}
        return _("Participation Map: new cases")

    def link(self, obj):
        return obj["root"] + "/"

    def feed_url(self, obj):
        return obj["request"].build_absolute_uri()

    def feed_guid(self, obj):
        # Each selection is its own feed.
        return self.feed_url(obj)

    def description(self, obj):
        return _("Newly published cases of local participation in Polish gminy.")

    def items(self, obj):
        return (
            obj["filters"].practices()
            .select_related("tool", "municipality")
            .order_by("-published_at", "-id")[:MAX_ITEMS]
        )

    def item_title(self, item):
        if item.is_sample:
            return _("[Sample] %(title)s") % {"title": xml_text(item.title)}
        return xml_text(item.title)

    def item_description(self, item):
        facts = _("%(tool)s in %(gmina)s, %(year)s.") % {
            "tool": item.tool.name, "gmina": item.municipality.name, "year": item.year,
        }
        return xml_text(f"{facts} {item.summary}".strip())

    def item_link(self, item):
        return self._root + item.get_absolute_url()

    def item_guid(self, item):
        return f"{self._root}/practice/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [xml_text(item.tool.name)]

    def item_author_name(self, item):
        return xml_text(item.organiser) or None

    def __init__(self, root):
        # One instance per request: the absolute links need the request's site root.
        super().__init__()
        self._root = root


class AtomPracticeFeed(PracticeFeed):
    feed_type = Atom1Feed
    subtitle = PracticeFeed.description


FEEDS = {"rss": PracticeFeed, "atom": AtomPracticeFeed}


@require_safe
def feed_view(request, kind):
    """The feed of the query's selection (see the module's rules)."""
    if kind not in FEEDS:
        raise Http404("No such feed format.")
    languages = [code for code, _name in settings.LANGUAGES]
    language = request.GET.get("lang") or settings.LANGUAGE_CODE
    language = language if language in languages else settings.LANGUAGE_CODE
    with translation.override(language):
        filters, errors = CaseFilters.parse_lenient(request.GET, extra=FEED_OPTIONS)
        if errors:
            return JsonResponse({"errors": errors}, status=400)
        root = site_root(request)
        response = FEEDS[kind](root)(request, filters=filters, root=root)
    response["Content-Language"] = language
    return response
