"""The API requests the map page's script starts with (static/js/map/app.js): the answers the
page carries in its HTML and the URLs it preloads, each the very request the script makes, so
that a phone's first markers wait neither for a request of their own nor for the scripts."""
import json
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils.safestring import mark_safe

from practices.caching import cached
from practices.filters import CaseFilters
from practices.points import points_answer, points_document
from practices.stat_counts import counts_answer, counts_document

VIEWS = ("markers", "choropleth")
# What /api/stats/ is asked for: the choropleth's counts and the tool filter's facets.
CHOROPLETH_BY = "municipality,tool"
FACETS_BY = "tool"


def selection_query(filters, *, with_tool=True):
    """The query string the page's script sends for a selection (static/js/map/state.js,
    selectionParams: the same members in the same order), so that a preload made with the
    HTML is the very request the script makes."""
    year_from, year_to = filters.year_from, filters.year_to
    if filters.year is not None and year_from is None and year_to is None:
        year_from = year_to = filters.year
    params = {
        "tool": ",".join(filters.tool) if with_tool else "",
        "year_from": "" if year_from is None else str(year_from),
        "year_to": "" if year_to is None else str(year_to),
        "municipality": ",".join(filters.municipality),
        "county": ",".join(filters.county),
        "voivodeship": ",".join(filters.voivodeship),
        "q": filters.q,
    }
    return urlencode({name: value for name, value in params.items() if value}, safe=",*")


def boundary_scope(filters):
    """The voivodeships whose gminy the map draws (the script's scope()): those filtered,
    else those of the counties and gminy filtered, else the default region."""
    if filters.voivodeship:
        return sorted(filters.voivodeship)
    prefixes = {code[:2] for code in (*filters.county, *filters.municipality)}
    return sorted(prefixes) if prefixes else list(settings.MAPA_DEFAULT_REGION)


def counts_region(filters):
    """The region the choropleth's counts are asked for in (static/js/map/loading.js,
    countsUrl): a selection without a place is counted in the gminy drawn only."""
    if filters.municipality or filters.county or filters.voivodeship:
        return ""
    return "voivodeship=" + ",".join(boundary_scope(filters))


def with_query(path, *parts):
    query = "&".join(part for part in parts if part)
    return f"{path}?{query}" if query else path


def first_requests(params, filters, errors):
    """The API requests the page's script starts with: ({url: answer text} the page carries in
    its HTML, [URLs it preloads], the selection's query ("" or "?…") when the first view
    draws the selection from vector tiles, whose requests the page then starts as soon as
    the map's size is known, else None).
    Carried: the answers the first view draws from (in the markers view the tool facets,
    which say whether the selection is drawn from points or from tiles, and the points; in
    the choropleth view the counts per gmina), so that a phone's first markers wait neither
    for a request of their own nor for the scripts to ask.
    Preloaded: the gmina boundaries of the choropleth, the same for every selection of a
    region and kept by the browser's cache. The markers' outline comes after them
    (static/js/map/app.js): neither. Nothing when the address is invalid: the script drops
    what was invalid and asks for something else. A selection over MAPA_TILES_THRESHOLD is
    drawn from vector tiles: its points are never asked for."""
    if errors or params.get("view", "markers") not in VIEWS:
        return {}, [], None
    query = selection_query(filters)
    stats = reverse("api-stats")
    if params.get("view") == "choropleth":
        boundaries = with_query(
            reverse("api-municipality-list"), "voivodeship=" + ",".join(boundary_scope(filters))
        )
        counts = with_query(stats, query, counts_region(filters), f"by={CHOROPLETH_BY}")
        kept = _kept(lambda: {counts: _counts_document(counts)}, counts)
        return {counts: _counts_answer(kept[counts])}, [boundaries], None
    facets = with_query(stats, selection_query(filters, with_tool=False), f"by={FACETS_BY}")
    points = with_query(reverse("api-point-list"), query)

    def documents():
        found = {facets: _counts_document(facets)}
        # The script draws the selection from vector tiles when the facets count more cases
        # than MAPA_TILES_THRESHOLD (static/js/map/loading.js): their points are never asked.
        if _facets_count(found[facets], filters.tool) <= settings.MAPA_TILES_THRESHOLD:
            found[points] = points_document(CaseFilters.parse(QueryDict(_query_of(points))))
        return found

    # The threshold is part of the key: the documents kept depend on it.
    kept = _kept(documents, facets, points, settings.MAPA_TILES_THRESHOLD)
    answers = {facets: _counts_answer(kept[facets])}
    if points in kept:
        answers[points] = points_answer(kept[points])
    return answers, [], None if points in kept else _tiles_query(query)


# The page answers an API request itself as the API would: the request's query parsed as the
# API parses it, the answer's document (the part that is the same in every language) read,
# the answer made from it in the page's language.
def _query_of(url):
    return url.partition("?")[2]


def _tiles_query(query):
    return f"?{query}" if query else ""


def _counts_document(url):
    params = QueryDict(_query_of(url))
    return counts_document(CaseFilters.parse(params, extra=["by"]), tuple(params["by"].split(",")))


def _counts_answer(document):
    return counts_answer(document).decode()


def _facets_count(document, tools):
    """The cases of the selection by the tool facets' document: those of its tools, else all."""
    text, _samples = document
    facets = json.loads(text + "}")  # the document leaves the closing brace to the answer
    if not tools:
        return facets["total"]
    return sum(row["count"] for row in facets["rows"] if row["tool"] in tools)


def _kept(documents, *key_parts):
    """`documents()` ({url: document}), kept in the cache until the data change under one key
    for the page's requests (their URLs, and anything else the documents depend on): the map
    page is the site's most visited, and its answers are the same for every visitor of a
    selection."""
    return cached("map-answers", documents, *key_parts)


def answers_script(answers):
    """The answers as the text of a <script type="application/json">: one JSON object, URL ->
    answer, the answers' text passed on as PostgreSQL wrote it. As json_script escapes: <, >
    and & (which JSON has only inside strings) as \\u escapes, so no text can end the
    element."""
    text = "{" + ",".join(f"{json.dumps(url)}:{answer}" for url, answer in answers.items()) + "}"
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    # Escaped above: the text cannot close the script element.
    return mark_safe(text)  # nosec B308 B703
