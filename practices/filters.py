"""The case filters: the one place where a request's query parameters become a selection of
published cases. The API, the map page, the list, and later the exports and feeds all parse
their parameters here, so a parameter means the same thing everywhere.

Rules:
- Parsing is strict. A parameter that is not understood is an error, never silently ignored:
  an unknown name, an unknown tool, a year outside 1990–2100, `year_from` after `year_to`, a
  malformed, inverted or non-finite bbox, a malformed TERYT code, a search text that is too
  long. Every problem is reported at once as {parameter: [messages]} (`InvalidParameters`),
  which the API answers as HTTP 400 {"errors": {...}}.
- An empty value (`?tool=`) means the parameter was not given: forms send empty fields.
- `tool`, `voivodeship`, `county` and `municipality` take comma-separated lists (a value in
  the list matches, OR); repeating the parameter adds to the list. Every other parameter may be
  given once. Different parameters combine with AND.
- The selection always starts from `Practice.objects.published()`: filters narrow what the
  public may see, they never widen it.
- `bbox` is `minLon,minLat,maxLon,maxLat` in WGS 84 (RFC 7946 order); a case matches when its
  point lies inside or on the edge. Boxes crossing the antimeridian are refused (Poland does
  not need them).
"""
import math
import re
from dataclasses import dataclass, fields

from django.contrib.gis.geos import Polygon
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from geodata import teryt
from geodata.models import Municipality, MunicipalityType
from practices import caching
from practices.domain.search import clean_query
from practices.models import MAX_YEAR, MIN_YEAR, Practice

# The parameters every case selection understands, with what the API documents for each.
CASE_PARAMETERS = {
    "tool": "Tool slugs, comma-separated (any of them), e.g. budzet-obywatelski,referendum.",
    "year": f"Edition or start year, {MIN_YEAR}–{MAX_YEAR}.",
    "year_from": f"Cases of this year or later, {MIN_YEAR}–{MAX_YEAR}.",
    "year_to": f"Cases of this year or earlier, {MIN_YEAR}–{MAX_YEAR}.",
    "municipality": "Gmina TERYT codes (7 digits), comma-separated, e.g. 2061011.",
    "county": "County (powiat) TERYT codes (4 digits), comma-separated, e.g. 2061.",
    "voivodeship": "Voivodeship TERYT codes (2 digits), comma-separated, e.g. 20,28.",
    "bbox": "minLon,minLat,maxLon,maxLat in WGS 84 degrees, e.g. 22.5,53.0,23.5,53.5.",
    "q": "Free text, Polish-aware and diacritics-insensitive (Elk finds Ełk).",
}
# Parameters a route may accept in addition (name them in `only`); the API does not.
GMINA_PARAMETERS = {
    "type": "Gmina type: 1 (urban), 2 (rural) or 3 (urban-rural).",
}
LIST_PARAMETERS = ("tool", "municipality", "county", "voivodeship")
# Paging of the case list (OGC API – Features style).
PAGING_PARAMETERS = {
    "limit": "Page size, 1–1000. With limit, offset or sort the list is paged and has a next "
             "link.",
    "offset": "Number of cases to skip (0 or more); pages use limit 100 unless given.",
    "sort": "Order of a page: id (default), title, year, tool, municipality (the gmina's "
            "name); '-' before it for descending, e.g. -year. Ties go by title, then id.",
}
# The orderings of a page (`sort`; "-" for descending): the columns behind each.
SORTS = {
    "id": ("pk",),
    "title": ("title",),
    "year": ("year",),
    "tool": ("tool__position",),
    "municipality": ("municipality__name",),
}
MAX_LIMIT = 1000
DEFAULT_LIMIT = 100

# ASCII digits only (\d would also accept, e.g., Arabic-Indic digits).
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_YEAR = re.compile(r"[0-9]{4}")
_COUNT = re.compile(r"[0-9]{1,9}")


class InvalidParameters(Exception):
    """Query parameters that cannot be used: `errors` maps each parameter to its messages."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def known(params, allowed):
    """Refuse parameter names outside `allowed`; returns {name: [messages]} (empty if fine)."""
    allowed = list(allowed)
    listed = ", ".join(allowed) if allowed else _("none")
    return {
        name: [_("Unknown parameter '%(name)s'. Allowed: %(allowed)s.")
               % {"name": name, "allowed": listed}]
        for name in params
        if name not in allowed
    }


def _values(params, name):
    """The non-empty raw values of a parameter (a QueryDict or a plain dict)."""
    raw = params.getlist(name) if hasattr(params, "getlist") else [params.get(name)]
    return [value for value in raw if value is not None and str(value).strip() != ""]


def _single(params, name):
    values = _values(params, name)
    if len(values) > 1:
        raise ValidationError(
            _("Give '%(name)s' only once.") % {"name": name}
        )
    return values[0].strip() if values else None


def _items(params, name):
    """Comma-separated items of every occurrence, stripped, duplicates dropped, in order."""
    items = []
    for value in _values(params, name):
        for item in value.split(","):
            item = item.strip()
            if item and item not in items:
                items.append(item)
    return items


def parse_year(value):
    if value is None:
        return None
    if not _YEAR.fullmatch(value) or not MIN_YEAR <= int(value) <= MAX_YEAR:
        raise ValidationError(
            _("'%(value)s' is not a year: use a whole year from %(min)d to %(max)d.")
            % {"value": value, "min": MIN_YEAR, "max": MAX_YEAR}
        )
    return int(value)


def parse_tools(items):
    if not items:
        return ()
    allowed = caching.known_tools()
    unknown = [item for item in items if item not in allowed]
    if unknown:
        raise ValidationError(
            [_("Unknown tool '%(tool)s'. Allowed: %(allowed)s.")
             % {"tool": item, "allowed": ", ".join(allowed)} for item in unknown]
        )
    return tuple(items)


def parse_codes(items, parser):
    codes, messages = [], []
    for item in items:
        try:
            codes.append(parser(item))
        except teryt.TerytError as error:
            messages.append(str(error))
    if messages:
        raise ValidationError(messages)
    return tuple(codes)


def parse_gmina(value):
    return teryt.parse_gmina(value).code


def parse_gmina_type(value):
    if value is None:
        return None
    if value not in MunicipalityType.values:
        raise ValidationError(
            _("'%(value)s' is not a gmina type: use 1 (urban), 2 (rural) or 3 "
              "(urban-rural).") % {"value": value}
        )
    return value


def parse_bbox(value):
    if value is None:
        return None
    parts = [part.strip() for part in value.split(",")]
    usage = _("Use minLon,minLat,maxLon,maxLat in degrees, e.g. 22.5,53.0,23.5,53.5.")
    if len(parts) != 4 or not all(_NUMBER.fullmatch(part) for part in parts):
        raise ValidationError(
            _("'%(value)s' is not a bounding box: give four numbers.") % {"value": value}
            + " " + usage
        )
    min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    numbers = (min_lon, min_lat, max_lon, max_lat)
    if not all(math.isfinite(number) for number in numbers):
        raise ValidationError(_("The bounding box has a number that is not finite.") + " " + usage)
    if not all(-180 <= lon <= 180 for lon in (min_lon, max_lon)):
        raise ValidationError(_("Longitudes must lie between -180 and 180.") + " " + usage)
    if not all(-90 <= lat <= 90 for lat in (min_lat, max_lat)):
        raise ValidationError(_("Latitudes must lie between -90 and 90.") + " " + usage)
    if min_lon > max_lon or min_lat > max_lat:
        raise ValidationError(
            _("The bounding box is inverted: the minimum must not exceed the maximum.")
            + " " + usage
        )
    return numbers


def parse_count(value, minimum, maximum=None):
    if value is None:
        return None
    number = int(value) if _COUNT.fullmatch(value) else None
    if number is None or number < minimum or (maximum is not None and number > maximum):
        if maximum is None:
            message = _("'%(value)s' is not allowed: use a whole number of at least %(min)d.")
        else:
            message = _("'%(value)s' is not allowed: use a whole number from %(min)d to %(max)d.")
        raise ValidationError(message % {"value": value, "min": minimum, "max": maximum})
    return number


@dataclass(frozen=True)
class CaseFilters:
    """A parsed, valid selection of published cases. Build it with `parse`."""

    tool: tuple = ()
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    municipality: tuple = ()
    county: tuple = ()
    voivodeship: tuple = ()
    bbox: tuple | None = None
    q: str = ""
    type: str | None = None  # gmina type, only where a route accepts it (GMINA_PARAMETERS)

    @classmethod
    def parse(cls, params, extra=(), only=None):
        """Parse the case parameters in `params`; names in `extra` are left to the caller
        (e.g. limit/offset), `only` restricts which case parameters are accepted. Raises
        InvalidParameters with every problem found."""
        filters, errors = cls.parse_lenient(params, extra, only)
        if errors:
            raise InvalidParameters(errors)
        return filters

    @classmethod
    def parse_lenient(cls, params, extra=(), only=None):
        """For pages that must never break on a bad URL: (filters built from the valid
        parameters only, the errors of the others). Unknown names are reported and ignored."""
        accepted = [
            name for name in (*CASE_PARAMETERS, *GMINA_PARAMETERS)
            if (name in CASE_PARAMETERS if only is None else name in only)
        ]
        errors = known(params, [*accepted, *extra])
        filters, field_errors = cls._parse_each(params, accepted)
        errors.update(field_errors)
        return filters, errors

    @classmethod
    def _parse_each(cls, params, accepted):
        parsers = {
            "tool": lambda: parse_tools(_items(params, "tool")),
            "year": lambda: parse_year(_single(params, "year")),
            "year_from": lambda: parse_year(_single(params, "year_from")),
            "year_to": lambda: parse_year(_single(params, "year_to")),
            "municipality": lambda: parse_codes(_items(params, "municipality"), parse_gmina),
            "county": lambda: parse_codes(_items(params, "county"), teryt.parse_county),
            "voivodeship": lambda: parse_codes(
                _items(params, "voivodeship"), teryt.parse_voivodeship
            ),
            "bbox": lambda: parse_bbox(_single(params, "bbox")),
            "q": lambda: clean_query(_single(params, "q") or ""),
            "type": lambda: parse_gmina_type(_single(params, "type")),
        }
        values, errors = {}, {}
        for name in accepted:
            if not _values(params, name):
                continue
            try:
                values[name] = parsers[name]()
            except ValidationError as error:
                errors[name] = list(error.messages)
        start, end = values.get("year_from"), values.get("year_to")
        if start is not None and end is not None and start > end:
            errors["year_from"] = [
                _("year_from (%(start)d) is after year_to (%(end)d): swap them.")
                % {"start": start, "end": end}
            ]
            del values["year_from"], values["year_to"]
        return cls(**values), errors

    # --- What the filters select ------------------------------------------------------------

    def practices(self):
        """The published cases this selection stands for."""
        return self.apply(Practice.objects.published())

    def apply(self, queryset):
        """Narrow a Practice queryset (which must already be the visible one) by the filters."""
        if self.tool:
            queryset = queryset.filter(tool__slug__in=self.tool)
        if self.year is not None:
            queryset = queryset.filter(year=self.year)
        if self.year_from is not None:
            queryset = queryset.filter(year__gte=self.year_from)
        if self.year_to is not None:
            queryset = queryset.filter(year__lte=self.year_to)
        if self.municipality:
            queryset = queryset.filter(municipality_id__in=self.municipality)
        gminy = {"county_id__in": self.county, "voivodeship_id__in": self.voivodeship,
                 "type": self.type}
        if any(gminy.values()):
            # The gminy's codes as a subquery, not a join: PostgreSQL then reads their cases
            # through the index on municipality_id (bench/api.py: a region's points in half
            # the time of a join that scans every case).
            gminy = Municipality.objects.filter(**{k: v for k, v in gminy.items() if v})
            queryset = queryset.filter(municipality_id__in=gminy.values("teryt"))
        if self.bbox is not None:
            queryset = queryset.filter(location__intersects=self.bbox_polygon())
        if self.q:
            queryset = queryset.search(self.q)
        return queryset

    def municipalities(self, queryset=None):
        """The gminy the geographic filters (municipality, county, voivodeship, bbox) keep."""
        queryset = Municipality.objects.all() if queryset is None else queryset
        if self.municipality:
            queryset = queryset.filter(teryt__in=self.municipality)
        if self.county:
            queryset = queryset.filter(county_id__in=self.county)
        if self.voivodeship:
            queryset = queryset.filter(voivodeship_id__in=self.voivodeship)
        if self.bbox is not None:
            queryset = queryset.filter(boundary__intersects=self.bbox_polygon())
        if self.type:
            queryset = queryset.filter(type=self.type)
        return queryset

    def bbox_polygon(self):
        return Polygon.from_bbox(self.bbox) if self.bbox else None

    def as_params(self):
        """The canonical query parameters of this selection (for links such as `next`)."""
        params = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value in (None, (), ""):
                continue
            if item.name == "bbox":
                params["bbox"] = ",".join(str(number) for number in value)
            elif isinstance(value, tuple):
                params[item.name] = ",".join(value)
            else:
                params[item.name] = str(value)
        return params


@dataclass(frozen=True)
class Page:
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    sort: str = "id"

    def ordering(self):
        """order_by() fields: the sort's column, then title and id, so that pages of any
        order never overlap or skip a case."""
        prefix = "-" if self.sort.startswith("-") else ""
        columns = SORTS[self.sort.lstrip("-")]
        tie = () if columns == ("pk",) else ("title", "pk")
        return [*(prefix + column for column in columns), *tie]


def parse_sort(value):
    if value is None:
        return None
    if value.lstrip("-") not in SORTS or value.startswith("--"):
        raise ValidationError(
            _("'%(value)s' is not an order: use one of %(allowed)s, with '-' before it for "
              "descending.") % {"value": value, "allowed": ", ".join(SORTS)}
        )
    return value


def parse_page(params):
    """The requested page, or None when none of limit, offset and sort is given (the whole
    selection). Raises InvalidParameters naming limit, offset or sort."""
    errors, values = {}, {}
    parsers = {
        "limit": lambda value: parse_count(value, 1, MAX_LIMIT),
        "offset": lambda value: parse_count(value, 0),
        "sort": parse_sort,
    }
    for name, parser in parsers.items():
        try:
            values[name] = parser(_single(params, name))
        except ValidationError as error:
            errors[name] = list(error.messages)
    if errors:
        raise InvalidParameters(errors)
    if all(value is None for value in values.values()):
        return None
    return Page(
        limit=DEFAULT_LIMIT if values["limit"] is None else values["limit"],
        offset=values["offset"] or 0,
        sort=values["sort"] or "id",
    )

