"""The API benchmark's floors: single SQL statements, written here by hand and independently
of the product's SQL (practices' GeoJSON builder), that produce the very bytes the API must
send. A floor is what PostgreSQL alone needs to build the answer; the API is measured as a
ratio to it, and its bytes must equal the floor's, so a faster API that sends less (or
something else) fails the check instead of passing the target.

The page paths are the Polish (default-language) ones the API links to; the sample note is
the one translated string, read once from the API's own answer and passed in.
"""
import itertools
import time

from django.db import connection, transaction

PRECISION = 6  # decimals of every coordinate the API writes
CASE_URL = "/praktyki/"
GMINA_URL = "/gminy/"
GMINA_KINDS = {"1": "urban", "2": "rural", "3": "urban-rural"}

# One case as the API writes it (p: the case, t: its tool, m: its gmina); the list's floor and
# the OGC items page's floor (bench/opendata.py) share it.
CASE_FEATURE = """'{"type":"Feature","id":' || p.id
           || ',"geometry":' || ST_AsGeoJSON(coalesce(p.location, m.point), %(precision)s, 0)
           || ',"properties":{"slug":' || to_json(p.slug)
           || ',"title":' || to_json(p.title)
           || ',"tool":' || to_json(t.slug)
           || ',"year":' || p.year
           || ',"municipality":' || to_json(p.municipality_id)
           || ',"municipality_name":' || to_json(m.name)
           || ',"url":' || to_json(%(case_url)s || p.slug || '/')
           || ',"is_sample":' || CASE WHEN p.is_sample THEN 'true' ELSE 'false' END
           || '}}'"""

PRACTICES_SQL = """
SELECT '{"type":"FeatureCollection","features":['
       || coalesce(string_agg(s.feature, ',' ORDER BY s.id), '') || ']'
       || CASE WHEN bool_or(s.is_sample) THEN ',"note":' || to_json(%(note)s::text) ELSE '' END
       || '}'
FROM (
    SELECT p.id, p.is_sample,
           {feature} AS feature
    FROM practices_practice p
    JOIN practices_participationtool t ON t.id = p.tool_id
    JOIN geodata_municipality m ON m.teryt = p.municipality_id
    WHERE p.status = 'published' {where}
) s
"""

# Counting groups by the ids (no text sort over every case), then names the few tools.
MUNICIPALITIES_SQL = """
WITH pairs AS (
    SELECT municipality_id, tool_id, count(*) AS n, bool_or(is_sample) AS sample
    FROM practices_practice WHERE status = 'published'{cases}
    GROUP BY municipality_id, tool_id
), per_gmina AS (
    SELECT x.municipality_id, sum(x.n)::bigint AS total, bool_or(x.sample) AS sample,
           '{' || string_agg(to_json(t.slug)::text || ':' || x.n, ',' ORDER BY t.position, t.slug)
           || '}' AS counts
    FROM pairs x JOIN practices_participationtool t ON t.id = x.tool_id
    GROUP BY x.municipality_id
)
SELECT '{"type":"FeatureCollection","features":['
       || coalesce(string_agg(f.feature, ',' ORDER BY f.teryt), '') || ']'
       || CASE WHEN bool_or(f.sample) THEN ',"note":' || to_json(%(note)s::text) ELSE '' END
       || '}'
FROM (
    SELECT g.teryt, coalesce(c.sample, false) AS sample,
           '{"type":"Feature","id":' || to_json(g.teryt)
           || ',"geometry":' || coalesce(
                  ST_AsGeoJSON(coalesce(g.display_boundary, g.boundary), %(precision)s, 0), 'null')
           || ',"properties":{"teryt":' || to_json(g.teryt)
           || ',"name":' || to_json(g.name)
           || ',"type":' || to_json(CASE g.type {kinds} ELSE g.type END)
           || ',"county":' || to_json(g.county_id)
           || ',"county_name":' || to_json(k.name)
           || ',"voivodeship":' || to_json(g.voivodeship_id)
           || ',"voivodeship_name":' || to_json(v.name)
           || ',"eligible_voters":' || coalesce(g.eligible_voters::text, 'null')
           || ',"practice_count":' || coalesce(c.total, 0)
           || ',"counts":' || coalesce(c.counts, '{}')
           || ',"url":' || to_json(%(gmina_url)s || g.teryt || '/')
           || '}}' AS feature
    FROM geodata_municipality g
    JOIN geodata_county k ON k.teryt = g.county_id
    JOIN geodata_voivodeship v ON v.teryt = g.voivodeship_id
    LEFT JOIN per_gmina c ON c.municipality_id = g.teryt{gminy}
) f
"""


def _conditions(params, values):
    """SQL conditions on a case `p` for the selection parameters the benchmark sends (tool,
    year, year_from, year_to, voivodeship, bbox), their values added to `values`."""
    where = []
    unknown = set(params) - {"tool", "year", "year_from", "year_to", "voivodeship", "bbox"}
    if unknown:
        raise ValueError(f"the floor knows no parameter {', '.join(sorted(unknown))}")
    if params.get("tool"):
        where.append("p.tool_id IN (SELECT id FROM practices_participationtool"
                     " WHERE slug = ANY(%(tools)s))")
        values["tools"] = params["tool"].split(",")
    for name, operator in (("year", "="), ("year_from", ">="), ("year_to", "<=")):
        if params.get(name):
            where.append(f"p.year {operator} %({name})s")
            values[name] = int(params[name])
    if params.get("voivodeship"):
        where.append("p.municipality_id IN (SELECT teryt FROM geodata_municipality"
                     " WHERE voivodeship_id = ANY(%(voivodeships)s))")
        values["voivodeships"] = params["voivodeship"].split(",")
    if params.get("bbox"):
        # A point on the box's edge matches, as the API documents.
        where.append("ST_Intersects(p.location, ST_MakeEnvelope(%(x1)s, %(y1)s, %(x2)s, "
                     "%(y2)s, 4326))")
        x1, y1, x2, y2 = (float(part) for part in params["bbox"].split(","))
        values.update(x1=x1, y1=y1, x2=x2, y2=y2)
    return "".join(f" AND {part}" for part in where)


def practices_statement(params, note):
    """(sql, params) of the collection /api/practices/ answers for `params` (tool, year,
    bbox: the workloads the benchmark sends)."""
    values = {"note": note, "precision": PRECISION, "case_url": CASE_URL}
    sql = PRACTICES_SQL.replace("{feature}", CASE_FEATURE)
    return sql.replace("{where}", _conditions(params, values)), values


# The tools' index is their rank in (position, slug) order, counted from 0.
POINTS_SQL = """
WITH tools AS (
    SELECT id, slug, row_number() OVER (ORDER BY position, slug) - 1 AS idx
    FROM practices_participationtool
), cases AS (
    SELECT p.id, p.year, t.idx, CASE WHEN p.is_sample THEN 1 ELSE 0 END AS sample,
           round(ST_X(coalesce(p.location, m.point))::numeric, %(precision)s) AS lon,
           round(ST_Y(coalesce(p.location, m.point))::numeric, %(precision)s) AS lat
    FROM practices_practice p
    JOIN tools t ON t.id = p.tool_id
    JOIN geodata_municipality m ON m.teryt = p.municipality_id
    WHERE p.status = 'published' AND coalesce(p.location, m.point) IS NOT NULL {where}
), places AS (
    SELECT lon, lat, row_number() OVER (ORDER BY lon, lat) - 1 AS k
    FROM cases GROUP BY lon, lat
), numbered AS (
    SELECT c.id - coalesce(lag(c.id) OVER (ORDER BY c.id), 0) AS step, c.id, pl.k, c.idx,
           c.year, c.sample
    FROM cases c JOIN places pl ON pl.lon = c.lon AND pl.lat = c.lat
)
SELECT '{"tools":[' || (SELECT coalesce(string_agg(to_json(slug)::text, ',' ORDER BY idx), '')
                        FROM tools)
       || '],"places":['
       || (SELECT coalesce(string_agg('[' || lon::float8 || ',' || lat::float8 || ']', ','
                                      ORDER BY k), '') FROM places)
       || '],"id":[' || coalesce(array_to_string(array_agg(step ORDER BY id), ','), '')
       || '],"place":[' || coalesce(array_to_string(array_agg(k ORDER BY id), ','), '')
       || '],"tool":[' || coalesce(array_to_string(array_agg(idx ORDER BY id), ','), '')
       || '],"year":[' || coalesce(array_to_string(array_agg(year ORDER BY id), ','), '')
       || '],"sample":[' || coalesce(array_to_string(array_agg(sample ORDER BY id), ','), '')
       || ']'
       || CASE WHEN bool_or(sample = 1) THEN ',"note":' || to_json(%(note)s::text) ELSE '' END
       || '}'
FROM numbered
"""
POINT_PRECISION = 5


def points_statement(params, note):
    """(sql, params) of /api/points/ for `params`: the compact marker rows."""
    values = {"note": note, "precision": POINT_PRECISION}
    return POINTS_SQL.replace("{where}", _conditions(params, values)), values


# Counts grouped by ids; the few tools named afterwards. {keys}: the grouping columns.
STATS_SQL = """
WITH groups AS (
    SELECT {keys}, count(*) AS n, bool_or(p.is_sample) AS sample
    FROM practices_practice p WHERE p.status = 'published' {where}
    GROUP BY {keys}
)
SELECT '{"by":' || %(by)s::text || ',"total":' || coalesce(sum(x.n), 0) || ',"rows":['
       || coalesce(string_agg('{' || {members} || ',"count":' || x.n || '}', ','
                              ORDER BY {order}), '')
       || ']'
       || CASE WHEN bool_or(x.sample) THEN ',"note":' || to_json(%(note)s::text) ELSE '' END
       || '}'
FROM groups x JOIN practices_participationtool t ON t.id = x.tool_id
"""
# dimension: (grouping column, JSON member, ordering)
STATS_DIMENSIONS = {
    "municipality": ("p.municipality_id",
                     """'"municipality":' || to_json(x.municipality_id)""", "x.municipality_id"),
    "tool": ("p.tool_id", """'"tool":' || to_json(t.slug)""", "t.position"),
}


def stats_statement(by, params, note):
    """(sql, params) of /api/stats/?by=... for `by` a tuple of municipality and tool (tool
    always among them: the floor names the tools by joining them)."""
    if "tool" not in by or set(by) - set(STATS_DIMENSIONS):
        raise ValueError(f"the stats floor knows by=tool and by=municipality,tool, not {by}")
    values = {"note": note, "by": "[" + ",".join(f'"{name}"' for name in by) + "]"}
    parts = [STATS_DIMENSIONS[name] for name in by]
    sql = (STATS_SQL.replace("{where}", _conditions(params, values))
           .replace("{keys}", ", ".join(part[0] for part in parts))
           .replace("{members}", " || ',' || ".join(part[1] for part in parts))
           .replace("{order}", ", ".join(part[2] for part in parts)))
    return sql, values


def municipalities_statement(note, voivodeships=()):
    """(sql, params) of /api/municipalities/ without parameters, or with `voivodeship`: the
    gminy (of those voivodeships) with the counts of their published cases per tool."""
    kinds = " ".join(f"WHEN '{code}' THEN '{kind}'" for code, kind in GMINA_KINDS.items())
    values = {"note": note, "precision": PRECISION, "gmina_url": GMINA_URL}
    cases = gminy = ""
    if voivodeships:
        values["voivodeships"] = list(voivodeships)
        gminy = " WHERE g.voivodeship_id = ANY(%(voivodeships)s)"
        cases = (" AND municipality_id IN (SELECT teryt FROM geodata_municipality"
                 " WHERE voivodeship_id = ANY(%(voivodeships)s))")
    sql = (MUNICIPALITIES_SQL.replace("{kinds}", kinds).replace("{cases}", cases)
           .replace("{gminy}", gminy))
    return sql, values


# The settings a floor statement may run under, each combination tried (best_planner): the
# floor gets whatever PostgreSQL does best, as the product sets its own connections
# (mapa/env.py: JIT off, random_page_cost 1.1). PLAIN: PostgreSQL's defaults, JIT off.
PLANNER_CHOICES = (("jit", ("off", "on")), ("random_page_cost", ("4", "1.1")))
PLAIN = (("jit", "off"), ("random_page_cost", "4"))


def run_statement(sql, params, planner=PLAIN):
    """(seconds, the text as UTF-8 bytes): one execution under `planner` ((setting, value)
    pairs, PLANNER_CHOICES), set for it alone."""
    with transaction.atomic(), connection.cursor() as cursor:
        for name, value in planner:
            # Names and values from PLANNER_CHOICES only.
            cursor.execute(f"SET LOCAL {name} = {value}")
        started = time.perf_counter()
        cursor.execute(sql, params)
        text = cursor.fetchone()[0]
        elapsed = time.perf_counter() - started
    return elapsed, text.encode()


def best_planner(sql, params):
    """The PLANNER_CHOICES under which this statement runs fastest (each combination tried
    twice, after a warm-up)."""
    run_statement(sql, params)
    names = [name for name, _values in PLANNER_CHOICES]
    combinations = [tuple(zip(names, values, strict=True))
                    for values in itertools.product(*(values for _name, values in PLANNER_CHOICES))]
    times = {planner: min(run_statement(sql, params, planner)[0] for _ in range(2))
             for planner in combinations}
    return min(times, key=times.get)
