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

from django.contrib.gis.geos import Polygon
from django.utils.translation import gettext as _

from practices.filters import InvalidParameters, parse_bbox

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
    bbox: tuple | None = None  # in CRS84
    crs: str = CRS84
    years: tuple | None = None  # (first or None, last or None)
    format: str = "json"

    @property
    def srid(self):
        return CRS[self.crs][0]

    @property
    def flip(self):
        return CRS[self.crs][1]


def _single(params, name):
    values = [value for value in params.getlist(name) if value.strip()]
    if len(values) > 1:
        raise ValueError(_("Give '%(name)s' only once.") % {"name": name})
    return values[0].strip() if values else None


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
        parts = raw.split(",")
        if len(parts) == 6:  # a 3D box: the heights do not matter for cases on the ground
            parts = [parts[0], parts[1], parts[3], parts[4]]
        srid, flip = CRS[bbox_crs]
        if srid == 4326:
            if flip:  # EPSG:4326 boxes are latitude first
                parts = [parts[1], parts[0], parts[3], parts[2]] if len(parts) == 4 else parts
            try:
                return parse_bbox(",".join(parts))
            except Exception as error:  # ValidationError: its message names the problem
                raise ValueError(" ".join(getattr(error, "messages", [str(error)]))) from None
        return _projected_box(parts, srid, flip)
    return parse


def _projected_box(parts, srid, flip):
    """A box in a projected system, as the CRS84 box that holds it."""
    parts = [part.strip() for part in parts]
    numbers = [float(part) for part in parts if _NUMBER.fullmatch(part)]
    if len(parts) != 4 or len(numbers) != 4 or not all(abs(n) < 1e8 for n in numbers):
        raise ValueError(_("'%(value)s' is not a bounding box: give four numbers in the "
                           "system of bbox-crs.") % {"value": ",".join(parts)[:80]})
    if flip:
        numbers = [numbers[1], numbers[0], numbers[3], numbers[2]]
    west, south, east, north = numbers
    if west > east or south > north:
        raise ValueError(_("The bounding box is inverted: the minimum must not exceed the "
                           "maximum."))
    box = Polygon.from_bbox((west, south, east, north))
    box.srid = srid
    box.transform(4326)
    return box.extent
