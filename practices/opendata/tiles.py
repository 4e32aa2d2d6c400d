"""Vector tiles of the selection for national scale: /tiles/practices/{z}/{x}/{y}.mvt (the
cases, counted per grid cell at low zooms) and /tiles/municipalities/{z}/{x}/{y}.mvt (gminy
with the number of matching cases), Mapbox Vector Tiles built by PostGIS (`ST_AsMVT`).

Rules:
- The case filters are the API's (practices.filters.CaseFilters, `bbox` excepted: the tile is
  the box); any problem is a 400 {"errors": {parameter: [messages]}}, like the API, and so is a
  z/x/y outside the tile grid (z 0–MAX_ZOOM, x and y 0–2^z−1).
- Only published cases, through `CaseFilters.practices()`.
- Tiles carry ETag/Last-Modified from the data version and answer revalidation with 304
  (practices.caching), so browsers and CDNs keep them until the data changes. The server keeps
  each tile's bytes too (practices.caching.cached, keyed by the data version, the tile, the
  filters and the encoding: gzip-compressed for clients that accept it): the first request
  after a change builds it, the others reuse it. They are kept in a cache every worker
  shares where there is one (`practices.file_cache.tile_cache()`: Redis, or the folder
  MAPA_TILE_CACHE_DIR), so a dense tile is built once per server, not once per worker.
- One statement per tile, without JIT and without parallel workers (SET LOCAL): for a few
  thousand points PostgreSQL's JIT compiles for longer (about 250 ms here) than the query
  runs, and a parallel ST_AsMVT was slower here (its bytes also depend on how the workers
  split the rows).
- Layers: `practices`, and `municipalities` with teryt, name and practice_count per gmina
  (display boundaries; PostGIS clips them to the tile with a buffer, so neighbouring tiles
  join without seams).
- `practices` up to CLUSTER_MAX_ZOOM: one point per cell of a CELLS × CELLS grid on the tile
  (64 CSS pixels of a 256-pixel tile, the size of the markers' cluster discs) that holds
  cases, with their `count`, at the mean of their positions (so it lies on them); a
  cell of one case also carries that case's id, tool, year and sample, so it is drawn as
  the case. At zoom 6 a tile over Poland held 50,000 points, one per case: heavy to build,
  send, decode and draw, and unreadable; now at most 16 (64 with `cells=8`). The grid is
  global (cells never straddle two tiles) and a case belongs to the one tile and cell its
  Web Mercator pixel falls in (floor, computed from the point alone), so no case is counted
  twice or lost across tile borders; the tile has no buffer (the page draws each cell inside
  its tile). From CLUSTER_MAX_ZOOM + 1 (a tile under 1.5 km wide in Poland, 64 pixels under
  400 m), one point per case with id, tool, year and sample, with a buffer: cases at one
  place stay each reachable.
- `cells` (4 by default, or 8) sets that grid's cells per side: a client drawing each tile
  512 pixels wide (as the map page does, for a quarter of the requests) asks for 8 and keeps
  64-pixel cells. Any other value is a 400.
"""
import gzip
import math
import re

from django.contrib.gis.geos import Polygon
from django.db import connection, transaction
from django.db.models import Count, F
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from practices.caching import cached
from practices.file_cache import tile_cache
from practices.filters import CaseFilters, InvalidParameters
from practices.models import ParticipationTool
from practices.revalidation import respond

MVT = "application/vnd.mapbox-vector-tile"
MAX_ZOOM = 20
EXTENT = 4096
BUFFER = 64
CLUSTER_MAX_ZOOM = 13
CELLS = 4  # per side of a tile: 4,096 / 4 = 1,024 units, 64 pixels of a 256-pixel tile
CELL_CHOICES = (4, 8)  # `cells`: 8 for tiles drawn 512 pixels wide
MERCATOR_RADIUS = 6378137.0  # of the sphere of Web Mercator (EPSG:3857), metres
MERCATOR_HALF = math.pi * MERCATOR_RADIUS  # half the width of its world
# Everything but bbox: the tile is the box.
TILE_PARAMETERS = ("tool", "year", "year_from", "year_to", "municipality", "county",
                   "voivodeship", "q")
WEB_MERCATOR_LATITUDE = 85.0511287798066
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as GZipMiddleware reads Accept-Encoding
MIN_COMPRESSED = 200  # GZipMiddleware's threshold too


def parse_tile(z, x, y):
    """(z, x, y) as integers inside the tile grid, or InvalidParameters naming each bad one."""
    errors, values = {}, {}
    for name, value in (("z", z), ("x", x), ("y", y)):
        if not (value.isascii() and value.isdecimal()) or len(value) > 8:
            errors[name] = [_("'%(value)s' is not a whole number.") % {"value": value[:20]}]
        else:
            values[name] = int(value)
    zoom = values.get("z")
    if zoom is not None and zoom > MAX_ZOOM:
        errors["z"] = [_("The zoom must be from 0 to %(max)d.") % {"max": MAX_ZOOM}]
    elif zoom is not None:
        for name in ("x", "y"):
            if name in values and values[name] >= 2 ** zoom:
                errors[name] = [
                    _("At zoom %(z)d, %(name)s must be from 0 to %(max)d.")
                    % {"z": zoom, "name": name, "max": 2 ** zoom - 1}
                ]
    if errors:
        raise InvalidParameters(errors)
    return values["z"], values["x"], values["y"]


def tile_bounds(z, x, y, margin=0.0):
    """The tile's (west, south, east, north) in WGS 84, widened by `margin` tile widths."""
    count = 2 ** z

    def lon(column):
        return column / count * 360.0 - 180.0

    def lat(row):
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / count))))

    west, east = lon(x - margin), lon(x + 1 + margin)
    north, south = lat(max(y - margin, 0)), lat(min(y + 1 + margin, count))
    return max(west, -180.0), max(south, -WEB_MERCATOR_LATITUDE), min(east, 180.0), north


def _box(z, x, y):
    return Polygon.from_bbox(tile_bounds(z, x, y, margin=BUFFER / EXTENT))


def _mvt(layer, columns, rows_sql, params, z, x, y):
    """One MVT layer: `rows_sql` gives the `columns` (the features' properties) and a WGS 84
    geometry `geom`; PostGIS projects, clips and encodes them. ST_AsMVTGeom is NULL for a
    geometry outside the tile's buffer and ST_AsMVT leaves such rows out (a WHERE on it would
    have PostgreSQL compute it twice per row)."""
    properties = ", ".join(f"r.{column}" for column in columns)
    # Column names and constants of this module, and Django's compiled SQL; every value from
    # the request is a parameter.
    sql = (
        f"SELECT ST_AsMVT(t, %s, {EXTENT}, 'geom') FROM ("  # nosec B608
        f" SELECT {properties}, ST_AsMVTGeom(ST_Transform(r.geom, 3857),"
        f" ST_TileEnvelope(%s, %s, %s), {EXTENT}, {BUFFER}, true) AS geom"
        f" FROM ({rows_sql}) r"
        ") t"
    )
    # The tile envelope's parameters come before the rows' own in the statement.
    return _run(sql, (layer, z, x, y, *params))


# The cases of one tile counted per grid cell (see the module's rules). px, py: a case's
# position in the tile's units (0–EXTENT, y down) from its Web Mercator pixel in the whole
# world at this zoom (the spherical formulas on the WGS 84 point: a tenth of ST_Transform's
# cost); the subtraction of the tile's origin is exact, so a case on a border falls in exactly
# one tile. OFFSET 0 keeps PostgreSQL from inlining the subquery, which computed the position
# again for every condition and grouping key that uses it. The tools are joined to the lone
# cases only, after counting. A cell's point is the floor of its cases' mean: inside the cell.
# Only module constants are filled in; every value is a parameter (%s); {rows} is the
# selection's compiled SQL, filled in per request.
_CELLS_TEMPLATE = """
SELECT ST_AsMVT(t, 'practices', {EXTENT}, 'geom') FROM (
  SELECT g.count, g.id, tool.slug AS tool, g.year, g.sample, ST_MakePoint(g.x, g.y) AS geom
  FROM (
    SELECT c.cell, count(*) AS count,
           CASE WHEN count(*) = 1 THEN min(c.id) END AS id,
           CASE WHEN count(*) = 1 THEN min(c.tool_id) END AS tool_id,
           CASE WHEN count(*) = 1 THEN min(c.year) END AS year,
           CASE WHEN count(*) = 1 THEN bool_or(c.sample) END AS sample,
           floor(avg(c.px)) AS x, floor(avg(c.py)) AS y
    FROM (
      SELECT r.id, r.tool_id, r.year, r.sample, p.px, p.py,
             floor(p.py / {CELL}) * {CELLS} + floor(p.px / {CELL}) AS cell
      FROM ({rows}) r CROSS JOIN LATERAL (SELECT
        (ST_X(r.geom) * {DEGREE} + {HALF}) * %s - %s AS px,
        ({HALF} - ln(tan(pi() / 4 + radians(ST_Y(r.geom)) / 2)) * {RADIUS})
          * %s - %s AS py) p
      OFFSET 0
    ) c
    WHERE c.px >= 0 AND c.px < {EXTENT} AND c.py >= 0 AND c.py < {EXTENT}
    GROUP BY c.cell
  ) g LEFT JOIN {TOOLS} tool ON tool.id = g.tool_id
  ORDER BY g.cell
) t
"""


def _filled(template, **values):
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


# The statement for each grid size of CELL_CHOICES.
CELLS_SQL = {
    cells: _filled(
        _CELLS_TEMPLATE, EXTENT=EXTENT, CELLS=cells, CELL=EXTENT // cells,
        DEGREE=repr(MERCATOR_HALF / 180), HALF=repr(MERCATOR_HALF),
        RADIUS=repr(MERCATOR_RADIUS), TOOLS=ParticipationTool._meta.db_table,
    )
    for cells in CELL_CHOICES
}


def _tile_origin(z, x, y):
    """CELLS_SQL's parameters: (tile units per metre, the tile's x origin) and the same for y,
    in the whole world's tile units at zoom z."""
    scale = 2 ** z * EXTENT / (2 * MERCATOR_HALF)
    return scale, x * EXTENT, scale, y * EXTENT


def _run(sql, params):
    with transaction.atomic(), connection.cursor() as cursor:
        # For this statement only (see the module's rules).
        cursor.execute("SELECT set_config('jit', 'off', true),"
                       " set_config('max_parallel_workers_per_gather', '0', true)")
        cursor.execute(sql, params)
        data = cursor.fetchone()[0]
    return bytes(data) if data else b""


def practice_tile(filters, z, x, y, cells=CELLS):
    """The `practices` layer: the selection's cases whose point lies in the tile (with its
    buffer from CLUSTER_MAX_ZOOM + 1; counted per cell of a `cells` × `cells` grid up to it).
    A case without its own location is at its gmina's point, as on the map's markers
    (practices.points)."""
    if z <= CLUSTER_MAX_ZOOM:
        # The box only narrows the rows through the index (a sixteenth of a pixel wider than
        # the tile): which tile holds a case is decided in Web Mercator (CELLS_SQL). The
        # tool's id: its slug is joined to the lone cases only.
        box = Polygon.from_bbox(tile_bounds(z, x, y, margin=1 / EXTENT))
        sql, params = _case_rows(filters, box, "tool_id").query.sql_with_params()
        return _run(CELLS_SQL[cells].replace("{rows}", sql),  # nosec B608 (Django's compiled SQL)
                    (*params, *_tile_origin(z, x, y)))
    sql, params = _case_rows(filters, _box(z, x, y), tool_slug=F("tool__slug")) \
        .query.sql_with_params()
    return _mvt(
        "practices", ("id", "tool_slug AS tool", "year", "sample"), sql, params, z, x, y
    )


def _case_rows(filters, box, *fields, **columns):
    """The selection's cases in `box`: id, year, sample, `fields`, `columns` and `geom`, their
    point. Two branches, so that each uses its own spatial index (an OR across the join would
    not)."""
    placed = (
        filters.practices().filter(location__bboverlaps=box).order_by()
        .values("id", "year", *fields, **columns, sample=F("is_sample"), geom=F("location"))
    )
    unplaced = (
        filters.practices().filter(location__isnull=True, municipality__point__bboverlaps=box)
        .order_by().values("id", "year", *fields, **columns, sample=F("is_sample"),
                           geom=F("municipality__point"))
    )
    return placed.union(unplaced, all=True)


def municipality_tile(filters, z, x, y, cells=CELLS):
    """The `municipalities` layer: the gminy the geographic filters keep that touch the tile,
    with the number of the selection's cases in each (0 included: a choropleth needs its
    empty areas). `cells` is the practices layer's and changes nothing here."""
    gminy = filters.municipalities().filter(display_boundary__bboverlaps=_box(z, x, y))
    counts = (
        filters.practices().filter(municipality__in=gminy.values("teryt")).order_by()
        .values("municipality_id").annotate(n=Count("id"))
    )
    counts_sql, counts_params = counts.query.sql_with_params()
    gminy_sql, gminy_params = (
        gminy.order_by().values("teryt", "name", geom=F("display_boundary"))
        .query.sql_with_params()
    )
    rows_sql = (
        "SELECT g.teryt, g.name, coalesce(c.n, 0) AS practice_count, g.geom"  # nosec B608
        f" FROM ({gminy_sql}) g LEFT JOIN ({counts_sql}) c ON c.municipality_id = g.teryt"
    )
    return _mvt(
        "municipalities", ("teryt", "name", "practice_count"), rows_sql,
        (*gminy_params, *counts_params), z, x, y,
    )


LAYERS = {"practices": practice_tile, "municipalities": municipality_tile}


@require_safe
def tile_view(request, layer, z, x, y):
    """A tile of `layer` with the case filters of the query string (see the module's rules)."""
    if layer not in LAYERS:
        raise Http404("No such tile layer.")
    # Language-neutral like the API: messages follow Accept-Language, Polish by default.
    translation.activate(translation.get_language_from_request(request))
    errors = {}
    try:
        tile = parse_tile(z, x, y)
    except InvalidParameters as error:
        errors.update(error.errors)
    filters, filter_errors = CaseFilters.parse_lenient(
        request.GET, extra=("cells",), only=TILE_PARAMETERS)
    errors.update(filter_errors)
    cells = request.GET.getlist("cells") or [str(CELLS)]
    if len(cells) > 1:
        errors["cells"] = [_("Give '%(name)s' only once.") % {"name": "cells"}]
    elif cells[0] not in {str(choice) for choice in CELL_CHOICES}:
        errors["cells"] = [_("The grid must have 4 or 8 cells per side.")]
    cells = cells[0]
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    encoding = "gzip" if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) else ""

    def build():
        data, content_encoding = cached(
            "tile", lambda: _encoded(LAYERS[layer](filters, *tile, int(cells)), encoding),
            layer, *tile, cells, encoding, *sorted(filters.as_params().items()),
            alias=tile_cache(),
        )
        response = HttpResponse(data, content_type=MVT)
        if content_encoding:
            # GZipMiddleware leaves a response that has an encoding alone.
            response["Content-Encoding"] = content_encoding
        return response

    return respond(request, build)


def _encoded(tile, encoding):
    """(bytes, Content-Encoding) of a tile as kept in the cache: gzip-compressed once for the
    clients that accept it (browsers do), rather than by GZipMiddleware on every request (a
    dense national tile of 1.4 MB took 90 ms to compress)."""
    if encoding == "gzip" and len(tile) >= MIN_COMPRESSED:
        return gzip.compress(tile, compresslevel=6, mtime=0), "gzip"
    return tile, ""
