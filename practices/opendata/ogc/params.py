"""The query parameters of the OGC API – Features items (Part 1 core, Part 2 CRS by reference):
`limit`, `offset`, `bbox`, `bbox-crs`, `crs`, `datetime`, `f`, and the case filters.

Rules:
- Coordinate reference systems come from an allow-list (CRS): their URIs are matched as text
  and only their EPSG codes ever reach PostGIS or GDAL, never a definition a client sent
  (GDAL could be made to read files or URLs while parsing one: NOTES, `gis.W001`).
- `datetime` is matched against the case's years: a year (`2020`), an RFC 3339 date or
  date-time (its year counts), or an interval of those with `/`, open ends as `..` or empty
  (`2019/2021`, `../2020`, `2018-05-01T00:00:00Z/..`). A case matches when its years
  (`year` to `end_year`) meet the interval.
- Every problem is reported at once as {parameter: [messages]} (practices.filters'
  InvalidParameters), answered with 400.
"""
import re
from dataclasses import dataclass

from django.contrib.gis.geos import MultiPolygon, Polygon
from django.utils.translation import gettext as _

from practices.filters import InvalidParameters

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
# URI -> (EPSG code for PostGIS, whether the axes are written latitude/northing first).
CRS = {
    CRS84: (4326, False),
    "http://www.opengis.net/def/crs/EPSG/0/4326": (4326, True),
    # PUWG 1992, the system of Polish surveying and of most Polish GIS users: its EPSG axis
    # order is northing (x), easting (y).
    "http://www.opengis.net/def/crs/EPSG/0/2180": (2180, True),
    "http://www.opengis.net/def/crs/EPSG/0/3857": (3857, False),
}
# The extent (min x, min y, max x, max y, as PostGIS orders them) in which each system's
# boxes are taken: the world in degrees, PUWG 1992's area of use (projected from EPSG's,
# rounded outward; PROJ fails far outside it), Web Mercator's square.
EXTENT = {
    4326: (-180.0, -90.0, 180.0, 90.0),
    2180: (144_000.0, 137_000.0, 877_000.0, 909_000.0),
    3857: (-20_037_508.342789244, -20_037_508.342789244,
           20_037_508.342789244, 20_037_508.342789244),
}
# Decimal places written for each system: ~0.1 m in degrees, 1 cm in metres.
PRECISION = {4326: 6, 2180: 2, 3857: 2}
DEFAULT_LIMIT, MAX_LIMIT = 100, 10_000
FORMATS = ("json", "html")
_COUNT = re.compile(r"[0-9]{1,9}")
# ASCII digits only: float() would also take other scripts' digits, "nan" and "inf".
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]{1,3})?")
_INSTANT = re.compile(r"([0-9]{4})(?:-[0-9]{2}-[0-9]{2}(?:[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}"
                      r"(?:\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2}))?)?")


@dataclass(frozen=True)
class ItemsQuery:
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    bbox: object = None  # a GEOS geometry in CRS84 (parse_bbox)
    crs: str = CRS84
    years: tuple | None = None  # (first or None, last or None)
    format: str = "json"

    @property
    def srid(self):
        return CRS[self.crs][0]

    @property
    def flip(self):
        return CRS[self.crs][1]


# Parameters whose value is one of a list: given empty, they are refused (the OpenAPI
# definition's enum has no empty value), where an empty number or filter means "not given".
CHOICES = ("crs", "bbox-crs", "f")


def _single(params, name):
    given = params.getlist(name)
    values = [value for value in given if value.strip()]
    if len(values) > 1:
        raise ValueError(_("Give '%(name)s' only once.") % {"name": name})
    if given and not values and name in CHOICES:
        raise ValueError(_("'%(name)s' is empty: give one of its values or leave it out.")
                         % {"name": name})
    return values[0].strip() if values else None


def format_of(params):
    """The `f` of a request's parameters, or None when not given."""
    value = _single(params, "f")
    return None if value is None else parse_format(value)


def _count(value, minimum, maximum=None):
    number = int(value) if _COUNT.fullmatch(value) else None
    if number is None or number < minimum or (maximum is not None and number > maximum):
        if maximum is None:
            message = _("'%(value)s' is not allowed: use a whole number of at least %(min)d.")
        else:
            message = _("'%(value)s' is not allowed: use a whole number from %(min)d to "
                        "%(max)d.")
        raise ValueError(message % {"value": value[:40], "min": minimum, "max": maximum})
    return number


def parse_crs(value):
    if value not in CRS:
        raise ValueError(
            _("'%(value)s' is not a supported coordinate reference system. Use one of: "
              "%(allowed)s.") % {"value": value[:200], "allowed": ", ".join(CRS)}
        )
    return value


def _year_of(part):
    if part in ("", ".."):
        return None
    match = _INSTANT.fullmatch(part)
    if not match:
        raise ValueError(
            _("'%(value)s' is not a year, a date or a date-time (RFC 3339), nor an interval of "
              "them separated by '/', e.g. 2020, 2019/2021, ../2020.") % {"value": part[:60]}
        )
    return int(match.group(1))


def parse_format(value):
    if value not in FORMATS:
        raise ValueError(_("Unknown format '%(value)s'. Allowed: %(allowed)s.")
                         % {"value": value[:40], "allowed": ", ".join(FORMATS)})
    return value


def parse_datetime(value):
    """(first year or None, last year or None) of a `datetime` value."""
    parts = value.split("/")
    if len(parts) > 2 or (len(parts) == 2 and all(part in ("", "..") for part in parts)):
        raise ValueError(_("'%(value)s' is not an interval: give at least one end.")
                         % {"value": value[:60]})
    first = _year_of(parts[0])
    last = _year_of(parts[1]) if len(parts) == 2 else first
    if first is not None and last is not None and first > last:
        raise ValueError(_("The interval '%(value)s' ends before it starts.")
                         % {"value": value[:60]})
    return first, last


def parse_items_query(params, *, allow_bbox=True):
    """The items parameters of `params` (a QueryDict), or InvalidParameters with every
    problem. The case filters are parsed separately by CaseFilters."""
    errors, values = {}, {}

    def attempt(name, parse):
        try:
            raw = _single(params, name)
            if raw is not None:
                values[name] = parse(raw)
        except ValueError as error:
            errors[name] = [str(error)]

    attempt("limit", lambda raw: _count(raw, 1, MAX_LIMIT))
    attempt("offset", lambda raw: _count(raw, 0))
    attempt("crs", parse_crs)
    attempt("bbox-crs", parse_crs)
    attempt("datetime", parse_datetime)
    attempt("f", parse_format)
    if allow_bbox:
        attempt("bbox", _bbox_parser(values.get("bbox-crs", CRS84)))
    if errors:
        raise InvalidParameters(errors)
    return ItemsQuery(
        limit=values.get("limit", DEFAULT_LIMIT), offset=values.get("offset", 0),
        bbox=values.get("bbox"), crs=values.get("crs", CRS84),
        years=values.get("datetime"), format=values.get("f", "json"),
    )


def _bbox_parser(bbox_crs):
    def parse(raw):
        return parse_bbox(raw, bbox_crs)
    return parse


def parse_bbox(raw, bbox_crs=CRS84):
    """The CRS84 geometry (a Polygon; a MultiPolygon across the antimeridian; an empty Polygon
    when nothing can match) of a `bbox` value given in `bbox-crs`.

    Any four (or six: the heights are ignored) finite-or-huge numbers are a box, as OpenAPI
    declares it: a box reaching past the system's extent (longitudes past 180, a PUWG 1992
    box reaching into Germany) stands for its part inside. West after east in longitude and
    latitude systems is a box across the antimeridian (OGC API – Features Part 1, 7.15.3);
    any other minimum above its maximum is refused."""
    parts = [part.strip() for part in raw.split(",")]
    if len(parts) not in (4, 6) or not all(_NUMBER.fullmatch(part) for part in parts):
        raise ValueError(_("'%(value)s' is not a bounding box: give four numbers (or six, "
                           "with heights) in the system of bbox-crs, separated by commas.")
                         % {"value": raw[:80]})
    numbers = [float(part) for part in parts]  # a huge literal becomes +-inf: clamped below
    if len(numbers) == 6:
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    srid, flip = CRS[bbox_crs]
    if flip:
        numbers = [numbers[1], numbers[0], numbers[3], numbers[2]]
    west, south, east, north = numbers
    geographic = srid == 4326
    if south > north or (west > east and not geographic):
        raise ValueError(_("The bounding box is inverted: the minimum must not exceed the "
                           "maximum."))
    min_x, min_y, max_x, max_y = EXTENT[srid]

    def clamp(value, low, high):
        return min(max(value, low), high)

    if geographic and west > east:  # across the antimeridian: two boxes
        south, north = clamp(south, min_y, max_y), clamp(north, min_y, max_y)
        return MultiPolygon(
            Polygon.from_bbox((clamp(west, min_x, max_x), south, max_x, north)),
            Polygon.from_bbox((min_x, south, clamp(east, min_x, max_x), north)), srid=4326,
        )
    if west > max_x or east < min_x or south > max_y or north < min_y:
        return Polygon(srid=4326)  # wholly outside the system's extent: nothing matches
    box = Polygon.from_bbox((clamp(west, min_x, max_x), clamp(south, min_y, max_y),
                             clamp(east, min_x, max_x), clamp(north, min_y, max_y)))
    box.srid = srid
    if srid != 4326:
        box.transform(4326)
    return box
