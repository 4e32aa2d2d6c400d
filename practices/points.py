"""What the map draws, built in PostGIS: the compact points of a selection, and sorted pages
of the list twin.

Why a compact form: the marker layer needs only each case's id, position, tool, year and
sample flag. The GeoJSON collection (practices.geojson) carries every listed property of every
case (1.6 MB for 5,000 cases); the points of the same cases are about a tenth of that and
parse in a fraction of the time. Details come on demand, one case at a time.

Rules (as in practices.geojson): every statement is built from a filtered
`Practice.objects.published()` queryset, so the visibility rule and the filters stay in one
place; PostgreSQL writes the JSON text in one statement and Python only passes it on.
"""
from django.db import connections
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce

from geodata.models import Municipality
from practices import geojson
from practices.caching import compiled
from practices.models import ParticipationTool
from practices.revalidation import fetch_one

# Decimal places of the points (about 1 m): a marker needs no more.
POINT_PRECISION = 5
SCALE = 10**POINT_PRECISION


def place():
    """A case's position: its own, else its gmina's point. The gmina is looked up only for
    a case without a position of its own (PostgreSQL evaluates COALESCE's arguments lazily,
    and the lookup is a subquery, not a join): most cases have one."""
    gmina_point = Municipality.objects.filter(teryt=OuterRef("municipality_id")).values("point")
    return Coalesce("location", Subquery(gmina_point[:1]))


def points_sql(queryset):
    """(sql, params) of one statement returning (the points document as JSON text, whether it
    includes samples). The document is columnar, one array per attribute, one member per case
    in the order of their ids:

        {"tools": [slug, ...], "places": [[lon, lat], ...],
         "id": [...], "place": [...], "tool": [...], "year": [...], "sample": [...]}

    `id` holds each case's id less the previous case's (the first as it is), so that the
    ids of consecutive cases cost a digit or two; `place` is an index into `places`, the
    distinct positions (most cases sit at their gmina's point, so a region of thousands of
    cases has a few hundred), ordered by longitude and latitude; `tool` an index into `tools`
    (the tool slugs in their fixed order: position, slug), -1 for none; `sample` 1 for a
    sample case, else 0. The tools are read in the same statement: one round trip per
    request.

    What it costs, for a region of 9,000 cases: the positions are rounded (a numeric
    conversion, the dearest step per row) once per distinct position, not per case, and
    ranked among the few hundred of them; the cases are ordered by id once, into one array
    of rows, whose columns are then cut out of it (PostgreSQL 15 would sort the input of
    every ordered aggregate again)."""
    rows = queryset.order_by().values("id", "year", "is_sample", "tool_id", geom=place())
    inner, inner_params = rows.query.sql_with_params()
    columns = ("id", "place", "tool", "year", "sample")
    arrays = " || ',' || ".join(
        f"""'"{name}":[' || coalesce(array_to_string(a.m[:][{n}:{n}], ','), '') || ']'"""
        for n, name in enumerate(columns, start=1)
    )
    sql = (
        # The inner SQL is Django's compiled queryset; every value is a parameter.
        "WITH tools AS (SELECT id, slug,"  # nosec B608
        " row_number() OVER (ORDER BY position, slug) - 1 AS n"
        f" FROM {ParticipationTool._meta.db_table}),"
        " c AS (SELECT c.id, c.year, c.is_sample, t.n AS tool,"
        " ST_X(c.geom) AS fx, ST_Y(c.geom) AS fy"
        f" FROM ({inner}) c LEFT JOIN tools t ON t.id = c.tool_id WHERE c.geom IS NOT NULL),"
        " r AS (SELECT fx, fy, (round(fx::numeric, %s) * %s)::int AS x,"
        " (round(fy::numeric, %s) * %s)::int AS y FROM c GROUP BY fx, fy),"
        " p AS (SELECT r.*, dense_rank() OVER (ORDER BY x, y) - 1 AS k FROM r),"
        " a AS (SELECT array_agg(ARRAY[s.step, s.k, coalesce(s.tool, -1), s.year,"
        " CASE WHEN s.is_sample THEN 1 ELSE 0 END] ORDER BY s.id) AS m,"
        " coalesce(bool_or(s.is_sample), false) AS samples"
        " FROM (SELECT c.*, p.k, c.id - lag(c.id, 1, 0) OVER (ORDER BY c.id) AS step"
        " FROM c JOIN p ON p.fx = c.fx AND p.fy = c.fy) s)"
        """ SELECT '{"tools":[' || (SELECT coalesce(string_agg(to_json(slug)::text, ','"""
        """ ORDER BY n), '') FROM tools) || '],"places":[' || (SELECT coalesce(string_agg("""
        "'[' || (x::numeric / %s)::float8 || ',' || (y::numeric / %s)::float8 || ']', ','"
        " ORDER BY k), '') FROM (SELECT DISTINCT k, x, y FROM p) q) || '],' || "
        + arrays + " || '}', a.samples FROM a"
    )
    precision = (POINT_PRECISION, SCALE)
    return sql, (*inner_params, *precision, *precision, SCALE, SCALE)


def fetch_points(statement, using="default"):
    """(points document text, whether it includes samples) of `points_sql(queryset)`."""
    sql, params = statement
    with connections[using].cursor() as cursor:
        return fetch_one(cursor, sql, params)


def points_document(filters):
    """(the points document of a selection (practices.filters.CaseFilters, parsed) as JSON
    text, whether it includes samples): points_sql run."""
    return fetch_points(compiled("points", filters, lambda: points_sql(filters.practices())))


def points_answer(document):
    """The /api/points/ answer of a selection as JSON text, from its document
    (points_document): with the sample note (in the active language) when it includes
    samples. The API sends it; the map page carries it in its HTML
    (practices.pages.first_requests)."""
    text, samples = document
    if samples:
        text = text[:-1] + geojson.members(note=geojson.sample_note()) + "}"
    return text


def sorted_page_ids(queryset, page):
    """The ids of one page (practices.filters.Page) of the selection, in its order."""
    return list(
        queryset.order_by(*page.ordering()).values_list("pk", flat=True)
        [page.offset: page.offset + page.limit]
    )


def in_order(features_sql, params, ids, using="default"):
    """(feature texts in the order of `ids`, contains samples) from a features statement
    (practices.geojson.practice_features) of exactly those cases."""
    sql = (
        "SELECT f.feature, f.sample FROM (" + features_sql + ") f"  # nosec B608
        " JOIN unnest(%s::int[]) WITH ORDINALITY AS o(id, n) ON o.id = f.key ORDER BY o.n"
    )
    with connections[using].cursor() as cursor:
        cursor.execute(sql, (*params, ids))
        rows = cursor.fetchall()
    return [row[0] for row in rows], any(row[1] for row in rows)

