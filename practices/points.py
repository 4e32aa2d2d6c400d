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
from django.db.models.functions import Coalesce

from practices.models import ParticipationTool

# Decimal places of the points (about 1 m): a marker needs no more.
POINT_PRECISION = 5


def points_sql(queryset):
    """(sql, params) of one statement returning (the points document as JSON text, whether it
    includes samples). The document is {"tools": [slug, ...], "rows": [[id, lon, lat,
    tool index, year, sample 0/1], ...]}, rows ordered by id; the tools in their fixed order
    (position, slug), which the rows' tool index points into. The tools are read in the same
    statement: one round trip per request."""
    rows = queryset.order_by().values(
        "id", "year", "is_sample", "tool_id", geom=Coalesce("location", "municipality__point"),
    )
    inner, inner_params = rows.query.sql_with_params()
    sql = (
        # The inner SQL is Django's compiled queryset; every value is a parameter.
        "WITH tools AS (SELECT id, slug,"  # nosec B608
        " row_number() OVER (ORDER BY position, slug) - 1 AS n"
        f" FROM {ParticipationTool._meta.db_table})"
        """ SELECT '{"tools":[' || (SELECT coalesce(string_agg(to_json(slug)::text, ','"""
        """ ORDER BY n), '') FROM tools) || '],"rows":[' || coalesce(string_agg("""
        "'[' || s.id || ',' || round(ST_X(s.geom)::numeric, %s)::float8 || ','"
        " || round(ST_Y(s.geom)::numeric, %s)::float8 || ','"
        " || coalesce(t.n, -1) || ',' || s.year"
        " || (CASE WHEN s.is_sample THEN ',1]' ELSE ',0]' END), ',' ORDER BY s.id), '')"
        " || ']}', coalesce(bool_or(s.is_sample), false)"
        f" FROM ({inner}) s LEFT JOIN tools t ON t.id = s.tool_id WHERE s.geom IS NOT NULL"
    )
    return sql, (POINT_PRECISION, POINT_PRECISION, *inner_params)


def fetch_points(statement, using="default"):
    """(points document text, whether it includes samples) of `points_sql(queryset)`."""
    sql, params = statement
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        text, samples = cursor.fetchone()
    return text, samples


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

