"""The counts of /api/stats/ as JSON written by PostgreSQL: a selection's published cases
counted by tool, year, voivodeship and/or gmina (the map's choropleth and facets ask for them;
the map page carries the first ones in its HTML, practices.pages.first_requests)."""
import json
from dataclasses import dataclass

from django.db import connections, transaction
from django.db.models import F

from geodata.models import Voivodeship
from practices import feature_store, geojson
from practices.caching import compiled
from practices.models import ParticipationTool, Practice, PublishedCount, Status
from practices.revalidation import fetch_one


@dataclass(frozen=True)
class Dimension:
    """A dimension the API counts by. Cases are grouped by `column` (an id, a code or a
    number, never a name: grouping 100,000 cases by the tool's slug sorts them all as text
    and spills to disk), the table that names the groups is joined to the (few) groups
    afterwards (`join`), and each row gets the JSON `members`, ordered by `order`. In the
    SQL, `g.key_<name>` is the grouped column."""

    column: str
    members: str
    order: str
    join: str = ""


def kept_counts(filters):
    """The counts per gmina and tool of a selection's (practices.filters.CaseFilters, parsed)
    published cases as the database keeps them (PublishedCount, non-zero rows), or None where
    they cannot tell: a selection by year, bbox or text, or a database not counting now
    (feature_store.counting). The tool and place filters narrow them as they narrow the cases
    (the same lookups: both have `tool` and `municipality`)."""
    if (filters.year, filters.year_from, filters.year_to, filters.bbox) != (None,) * 4:
        return None
    if filters.q or not feature_store.counting():
        return None
    return filters.apply(PublishedCount.objects.filter(cases__gt=0))


def recount(using="default"):
    """Count every gmina and tool's published cases again into PublishedCount, writes to the
    cases held off meanwhile; returns how many (gmina, tool) counts were wrong. For counts
    that fell behind while their triggers were disabled (manage.py recount_cases)."""
    table, counts = Practice._meta.db_table, PublishedCount._meta.db_table
    counted = (
        "SELECT municipality_id, tool_id, count(*) AS cases,"  # nosec B608 (model tables)
        f" count(*) FILTER (WHERE is_sample) AS samples FROM {table}"
        " WHERE status = %s GROUP BY municipality_id, tool_id"
    )
    published = [Status.PUBLISHED]
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute(f"LOCK TABLE {table} IN SHARE MODE")
        cursor.execute(
            f"SELECT count(*) FROM ({counted}) c FULL JOIN"  # nosec B608 (model tables)
            f" (SELECT * FROM {counts} WHERE cases > 0 OR samples > 0) k"
            " USING (municipality_id, tool_id) WHERE c.cases IS DISTINCT FROM k.cases"
            " OR c.samples IS DISTINCT FROM k.samples", published)
        wrong = cursor.fetchone()[0]
        if wrong:
            cursor.execute(f"DELETE FROM {counts}")  # nosec B608 (a model's table)
            cursor.execute(
                f"INSERT INTO {counts} (municipality_id, tool_id, cases, samples)"  # nosec B608
                f" {counted}", published)
    return wrong


# TERYT codes are sorted COLLATE "C": digits come in the same order under any collation, and
# byte order spares the locale's comparisons (a country's 24,000 rows: 16 ms less).
def _dimensions():
    tools, voivodeships = ParticipationTool._meta.db_table, Voivodeship._meta.db_table
    return {
        "tool": Dimension("tool_id", """'"tool":' || to_json(t.slug)""", "t.position, t.slug",
                          f"JOIN {tools} t ON t.id = g.key_tool"),
        "year": Dimension("year", """'"year":' || g.key_year""", "g.key_year"),
        "voivodeship": Dimension(
            "municipality__voivodeship_id",
            """'"voivodeship":' || to_json(g.key_voivodeship)"""
            """ || ',"voivodeship_name":' || to_json(v.name)""",
            'g.key_voivodeship COLLATE "C"',
            f"JOIN {voivodeships} v ON v.teryt = g.key_voivodeship",
        ),
        "municipality": Dimension(
            "municipality_id", """'"municipality":' || to_json(g.key_municipality)""",
            'g.key_municipality COLLATE "C"',
        ),
    }


COUNT_DIMENSIONS = ("tool", "year", "voivodeship", "municipality")


def counts_json(statement, using="default"):
    """(the JSON text of the counts, without its closing brace, whether they include samples)
    from `counts_sql(queryset, by)`."""
    with connections[using].cursor() as cursor:
        return fetch_one(cursor, *statement)


def counts_document(filters, by):
    """(the JSON text of the counts of a selection (practices.filters.CaseFilters, parsed) by
    `by`, without its closing brace, whether they include samples): counts_sql run."""
    return counts_json(
        compiled("counts", filters,
                 lambda: counts_sql(filters.practices(), by, kept_counts(filters)), by)
    )


def counts_answer(document):
    """The /api/stats/ answer of a selection, as UTF-8 bytes, from its document
    (counts_document): with the sample note (in the active language) when the counts include
    samples. The API sends it; the map page carries it in its HTML
    (practices.pages.first_requests)."""
    text, samples = document
    # Joined as bytes: the counts are ASCII, and adding the (Polish) note to the text would
    # first widen all of it, a copy that costs more than the rest of the request.
    body = [text.encode()]
    if samples:
        # As DRF's JSON renderer writes it: UTF-8, no escapes.
        note = json.dumps(geojson.sample_counts_note(), ensure_ascii=False)
        body.append(b',"note":' + note.encode())
    body.append(b"}")
    return b"".join(body)


def counts_sql(queryset, by, counted=None):
    """(sql, params) of the statement giving (the JSON text of the counts of `queryset` (a
    filtered published queryset) by the dimensions `by` (COUNT_DIMENSIONS, in the rows'
    member order and sort order), without its closing brace, whether the counts include
    samples): {"by": [...], "total": n, "rows": [{dimension: value, ..., "count": n}, ...]},
    only non-zero rows. One GROUP BY; PostgreSQL writes the text, so Python never handles a
    row (a count per gmina and tool has about 25,000). Without the year among `by`, the
    counts the database keeps (`counted`, kept_counts() of the same selection) are
    added up instead of the cases counted."""
    dimensions = _dimensions()
    chosen = [(name, dimensions[name]) for name in by]
    keyed = {f"key_{name}": F(dimension.column) for name, dimension in chosen}
    keys = ", ".join(f"c.key_{name}" for name, _dimension in chosen)
    if counted is not None and "year" not in by:
        rows = counted.order_by().values(kept_n=F("cases"), kept_samples=F("samples"), **keyed)
        # By gmina and tool, each kept row is already one group.
        grouped = set(by) != {"municipality", "tool"}
        counting = ("sum(c.kept_n) AS n, bool_or(c.kept_samples > 0) AS sample" if grouped
                    else "c.kept_n AS n, c.kept_samples > 0 AS sample")
    else:
        rows, grouped = queryset.order_by().values("is_sample", **keyed), True
        counting = "count(*) AS n, bool_or(c.is_sample) AS sample"
    inner, params = rows.query.sql_with_params()
    members = " || ',' || ".join(dimension.members for _name, dimension in chosen)
    sql = (
        f"WITH g AS (SELECT {keys}, {counting}"  # nosec B608
        f" FROM ({inner}) c{f' GROUP BY {keys}' if grouped else ''})"
        """ SELECT '{"by":' || %s::text || ',"total":' || coalesce(sum(g.n), 0)"""
        """ || ',"rows":[' || coalesce(string_agg('{' || """ + members
        + """ || ',"count":' || g.n || '}', ',' ORDER BY """
        + ", ".join(dimension.order for _name, dimension in chosen)
        + "), '') || ']', coalesce(bool_or(g.sample), false) FROM g "
        + " ".join(dimension.join for _name, dimension in chosen)
    )
    return sql, (*params, json.dumps(list(by), separators=(",", ":")))
