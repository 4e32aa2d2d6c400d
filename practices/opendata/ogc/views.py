"""OGC API – Features at /ogc/ (Part 1 core with GeoJSON, HTML and OpenAPI 3.0; Part 2 CRS by
reference): the landing page, conformance, the collections `practices` and `municipalities`,
their items and single items.

Rules:
- JSON by default (GeoJSON for features); HTML with `f=html` or when the client prefers
  text/html (a browser). Every document links to its other representation.
- Items take `limit` (default 100, at most 10,000), `offset`, `bbox` with `bbox-crs`,
  `datetime`, `crs` and the case filters of the public API, all validated: a problem is a 400
  {"errors": {parameter: [messages]}} (never a 500). Pages link `next` and `prev` and say
  `numberMatched` (kept in the cache per selection until the data version changes) and
  `numberReturned`.
- `crs` picks the coordinates' system from the allow-list in params.CRS; the answer says it in
  the `Content-Crs` header. Only published cases, through CaseFilters.
"""
import json
from dataclasses import replace
from datetime import UTC, datetime
from functools import wraps
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from geodata import teryt
from geodata.basemap import base_map_config
from geodata.models import Municipality
from practices import geojson, stat_counts
from practices.addresses import site_root
from practices.caching import cached, compiled
from practices.filters import CaseFilters, InvalidParameters
from practices.opendata.ogc import documents, openapi
from practices.opendata.ogc.params import (
    CRS84,
    PRECISION,
    format_of,
    parse_items_query,
)

ITEM_PARAMETERS = ("limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "f")
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
PAGE_TABLE = "ogc_page"


def _bad_request(errors):
    return JsonResponse({"errors": errors}, status=400)


def _not_found(message):
    return JsonResponse({"detail": message}, status=404)


def read_only(view):
    """Every view of the service. It is read-only: GET and HEAD reach the view, OPTIONS says
    what is allowed, anything else is a 405 with Allow. Exempt from CSRF, which would
    otherwise refuse a POST with a 403 before the method is looked at (nothing here reads
    cookies or changes data)."""
    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        # Language-neutral URLs: messages follow the client's Accept-Language.
        translation.activate(translation.get_language_from_request(request))
        if request.method in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if request.method == "OPTIONS":
            response = HttpResponse(status=200)
        else:
            response = JsonResponse(
                {"detail": _("Method %(method)s is not allowed: this service is read-only.")
                 % {"method": request.method[:20]}}, status=405)
        response["Allow"] = ALLOWED_METHODS
        return response
    return wrapped


def _format(request):
    """json or html: `f` when given, else html for clients that prefer it (browsers)."""
    fmt = format_of(request.GET)
    if fmt is not None:
        return fmt
    accept = request.headers.get("Accept", "")
    return "html" if "text/html" in accept and "json" not in accept else "json"


def _document_view(build, title):
    @read_only
    def view(request, **kwargs):
        try:
            fmt = _format(request)
        except ValueError as error:
            return _bad_request({"f": [str(error)]})
        document = build(site_root(request), **kwargs)
        if fmt == "html":
            return render(request, "ogc/document.html",
                          {"page_title": title(), "document": document})
        return JsonResponse(document, json_dumps_params={"ensure_ascii": False},
                            content_type=documents.OPENAPI if build is openapi.definition
                            else documents.JSON)
    return view


landing_view = _document_view(documents.landing, lambda: _("OGC API – Features"))
conformance_view = _document_view(lambda root: documents.conformance(),
                                  lambda: _("Conformance classes"))
collections_view = _document_view(documents.collections, lambda: _("Collections"))
openapi_view = _document_view(openapi.definition, lambda: _("API definition"))


@read_only
def collection_view(request, collection):
    if collection not in documents.FILTERS:
        return _not_found(_("No such collection."))
    return _document_view(documents.collection, lambda: collection)(
        request, collection_id=collection
    )


def _years(queryset, years):
    first, last = years
    if last is not None:
        queryset = queryset.filter(year__lte=last)
    if first is not None:
        queryset = queryset.filter(
            Q(end_year__gte=first) | Q(end_year__isnull=True, year__gte=first)
        )
    return queryset


def _selection(request, collection, *, allow_bbox=True):
    """(CaseFilters, ItemsQuery) of an items request, or InvalidParameters."""
    filters, errors = CaseFilters.parse_lenient(
        request.GET, extra=ITEM_PARAMETERS, only=documents.FILTERS[collection]
    )
    try:
        query = parse_items_query(request.GET, allow_bbox=allow_bbox)
    except InvalidParameters as error:
        errors.update(error.errors)
        query = None
    if errors:
        raise InvalidParameters(errors)
    return filters, query


def _practices(filters, query):
    cases = filters.practices()
    if query.bbox is not None:
        cases = cases.filter(location__intersects=query.bbox)
    if query.years:
        cases = _years(cases, query.years)
    return cases


def _crs_options(query):
    return {"srid": query.srid, "flip": query.flip, "precision": PRECISION[query.srid]}


def _page_links(request, query, matched, returned):
    base = site_root(request) + request.path

    def href(**changes):
        kept = [(name, value) for name, values in request.GET.lists() for value in values
                if name not in changes]
        return base + "?" + urlencode(kept + list(changes.items()))

    links = [
        documents.link(href(f="json", offset=query.offset, limit=query.limit), "self",
                       documents.GEOJSON, _("This page")),
        documents.link(href(f="html", offset=query.offset, limit=query.limit), "alternate",
                       documents.HTML, _("This page as HTML")),
    ]
    if query.offset + returned < matched:
        links.append(documents.link(href(f="json", offset=query.offset + query.limit,
                                         limit=query.limit), "next", documents.GEOJSON,
                                    _("Next page")))
    if query.offset > 0:
        links.append(documents.link(href(f="json", offset=max(query.offset - query.limit, 0),
                                         limit=query.limit), "prev", documents.GEOJSON,
                                    _("Previous page")))
    return links


def _features(collection, filters, query, offset, limit, single=None):
    """(the page's features as JSON text joined by commas, numberReturned, numberMatched) of
    a page of a collection (or of the one feature `single`, numberMatched None), from one
    statement: PostgreSQL joins the features, so the page costs one round trip and no Python
    work per feature. numberMatched is the selection's count, kept until the data version
    changes (_matched)."""
    # The statement depends on the selection, never on the page (its LIMIT and OFFSET are
    # parameters): compiled once per process (a search's every time: caching.compiled).
    shape = (collection, replace(query, limit=0, offset=0, format="json"), single,
             limit is not None)
    sql, before, after = compiled("ogc-items", filters, lambda: _statement(filters, *shape),
                                  *shape)
    page = (limit, offset) if limit is not None else ()
    with connection.cursor() as cursor:
        cursor.execute(sql, (*before, *page, *after))
        features, returned = cursor.fetchone()
    return features, returned, None if single is not None else _matched(collection, filters,
                                                                       query)


def _matched(collection, filters, query):
    """numberMatched: the selection's count, in the cache (practices.caching.cached) until the
    data version changes. A client pages through a selection with the same filters (ogrinfo
    and QGIS follow `next` to the end), and counting 100,000 cases was a third of each
    1,000-feature page's time; now the first page counts them, the others reuse the count."""
    selection = _practices if collection == "practices" else _gminy
    bbox = query.bbox.ewkt if query.bbox is not None else ""
    return cached("ogc-matched", lambda: selection(filters, query).count(), collection,
                  *sorted(filters.as_params().items()), bbox, query.years)


def _gminy(filters, query):
    gminy = filters.municipalities()
    if query.bbox is not None:
        gminy = gminy.filter(boundary__intersects=query.bbox)
    return gminy


def _statement(filters, collection, query, single, paged):
    """(sql, parameters before the page's LIMIT and OFFSET, parameters after them) of
    `_features`. Compiling the ORM's SQL costs about as much as a tenth of a 1,000-feature
    page, so `_features` keeps it (caching.compiled)."""
    options = _crs_options(query)
    # The page: its keys in order (an index scan), then the features of those rows only:
    # joining and reading the rows an offset skips costs more than the page itself.
    # The table name is this module's constant (bandit: B608, B611).
    in_page = RawSQL(f"SELECT key FROM {PAGE_TABLE}", ())  # nosec B608 B611
    if collection == "practices":
        selection = _practices(filters, query)
        if single is not None:
            selection = selection.filter(pk=single)
        cases = selection.filter(pk__in=in_page) if paged else selection
        sql, params = geojson.practice_features(cases, **options)
        keys = selection.order_by("pk").values("pk")
    else:
        selection = _gminy(filters, query).order_by("teryt")
        if single is not None:
            selection = selection.filter(teryt=single)
        cases = _years(filters.practices(), query.years) if query.years else filters.practices()
        # Without a time filter, the counts the database keeps, as /api/municipalities/ reads.
        counted = None if query.years else stat_counts.kept_counts(filters)
        # The page as a subquery: the SQL builder orders the gminy itself.
        gminy = Municipality.objects.filter(teryt__in=in_page) if paged else selection
        sql, params = geojson.municipality_features(gminy, cases, counted=counted, **options)
        keys = selection.order_by("teryt").values("teryt")
    # Django's compiled SQL and geojson's statement; every value is a parameter.
    statement = (
        "SELECT coalesce(string_agg(f.feature, ',' ORDER BY f.key), ''), count(*)"  # nosec B608
        f" FROM ({sql}) f"
    )
    if not paged:
        return statement, params, ()
    keys_sql, keys_params = keys.query.sql_with_params()
    statement = (
        f"WITH {PAGE_TABLE} (key) AS ({keys_sql} LIMIT %s OFFSET %s) {statement}"  # nosec B608
    )
    return statement, keys_params, params


def _geojson_response(text, query):
    response = HttpResponse(text, content_type=documents.GEOJSON)
    response["Content-Crs"] = f"<{query.crs}>"
    return response


@read_only
def items_view(request, collection):
    if collection not in documents.FILTERS:
        return _not_found(_("No such collection."))
    try:
        filters, query = _selection(request, collection)
        fmt = _format(request)
    except InvalidParameters as error:
        return _bad_request(error.errors)
    except ValueError as error:
        return _bad_request({"f": [str(error)]})
    if fmt == "html":
        # The page draws the features on a web map: always in longitude/latitude.
        query = replace(query, crs=CRS84)
    features, returned, matched = _features(
        collection, filters, query, query.offset, query.limit
    )
    links = _page_links(request, query, matched, returned)
    members = geojson.members(
        numberMatched=matched, numberReturned=returned, links=links,
        timeStamp=datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
    )
    # Joined once: chained + would copy a 1,000-feature page (wide text: Polish letters)
    # at each step.
    text = "".join(('{"type":"FeatureCollection","features":[', features, "]", members, "}"))
    if fmt == "html":
        return _items_page(request, collection, text)
    return _geojson_response(text, query)


@read_only
def item_view(request, collection, feature_id):
    if collection not in documents.FILTERS:
        return _not_found(_("No such collection."))
    errors = {}
    try:
        query = parse_items_query(request.GET, allow_bbox=False)
        fmt = _format(request)
    except InvalidParameters as error:
        errors.update(error.errors)
    except ValueError as error:
        errors["f"] = [str(error)]
    extra = set(request.GET) - {"crs", "f"}
    for name in sorted(extra):
        errors[name] = [_("Unknown parameter '%(name)s'. Allowed: %(allowed)s.")
                        % {"name": name, "allowed": "crs, f"}]
    if errors:
        return _bad_request(errors)
    if fmt == "html":
        query = replace(query, crs=CRS84)
    key = _feature_key(collection, feature_id)
    feature = ""
    if key is not None:
        feature, _returned, _matched = _features(
            collection, CaseFilters(), query, 0, None, single=key
        )
    if not feature:
        return _not_found(_("No such feature."))
    if fmt == "html":
        return _items_page(request, collection,
                           '{"type":"FeatureCollection","features":[' + feature + "]}")
    return _geojson_response(feature, query)


def _feature_key(collection, value):
    """The key of a feature id, or None when no feature can have it."""
    if collection == "practices":
        if not (value.isascii() and value.isdecimal()) or len(value) > 12:
            return None
        return int(value)
    try:
        return teryt.parse_gmina(value).code
    except teryt.TerytError:
        return None


@read_only
def unknown_view(request, rest):
    """Any other path under /ogc/: a JSON 404, as the service's own 404s are."""
    return _not_found(_("No such resource in this service. Start at %(url)s.")
                      % {"url": site_root(request) + "/ogc/"})


def _items_page(request, collection, text):
    collection_document = documents.collection(site_root(request), collection)
    data = json.loads(text)
    columns = list(data["features"][0]["properties"]) if data["features"] else []
    rows = [{"id": feature["id"],
             "values": [_cell(feature["properties"].get(name)) for name in columns]}
            for feature in data["features"]]
    return render(request, "ogc/items.html", {
        "page_title": collection_document["title"],
        "collection": collection_document,
        "collection_json": data,
        "columns": columns,
        "rows": rows,
        "map_config": base_map_config(),
    })


def _cell(value):
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value

