"""Geometry typed or pasted by people: the one place that decides whether it can be stored.

`parse_geometry()` reads GeoJSON (RFC 7946) or WKT and returns a GEOS geometry in WGS 84
(SRID 4326), or raises GeometryInputError naming the problem; `GeometryInputField` is the form
field that does the same for a form (the admin's case location today, the submission form
later). An HTTP API answers the error as a 400 naming its field.

Policy:
- Longitude first, in degrees, WGS 84 only. A geometry declaring another reference system
  (a GeoJSON `crs` member, an EWKT `SRID=` other than 4326) is refused, never transformed:
  GDAL would have to read a user-supplied reference system (see gis.W001 in NOTES.md).
- Every coordinate is a finite number (no NaN, no infinity) with -180 <= lon <= 180 and
  -90 <= lat <= 90; two dimensions only.
- Rings are closed and have at least four positions; polygons are valid (no
  self-intersection), with the reason GEOS gives.
- At most MAX_TEXT characters and MAX_VERTICES positions: bigger input is refused before it
  is parsed.
"""
import json
import math
import re

import shapely
from django.contrib.gis import forms
from django.contrib.gis.geos import GEOSException, GEOSGeometry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SRID = 4326
MAX_TEXT = 100_000
MAX_VERTICES = 10_000
_EWKT_SRID = re.compile(r"\s*SRID\s*=\s*([^;]*);", re.IGNORECASE)
_NOT_FINITE = re.compile(r"nan|inf", re.IGNORECASE)
_RING_TYPES = {"Polygon": 1, "MultiPolygon": 2}
# Form fields spell types in capitals (POINT); messages use GEOS's names (Point).
_GEOS_NAMES = {name.upper(): name for name in (
    "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon",
    "GeometryCollection",
)}


class GeometryInputError(ValueError):
    """Geometry input that cannot be stored; `code` names the rule it breaks."""

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


def parse_geometry(text, types=None):
    """The geometry `text` describes (GeoJSON or WKT), in SRID 4326, checked against the
    policy above; `types` limits the geometry types (GEOS names, e.g. ("Point",))."""
    if not isinstance(text, str) or not text.strip():
        raise GeometryInputError(_("Give a geometry as GeoJSON or WKT."), "empty")
    if len(text) > MAX_TEXT:
        raise GeometryInputError(
            _("The geometry is too large: at most %(max)d characters.") % {"max": MAX_TEXT},
            "too_large",
        )
    text = text.strip()
    geometry = _from_geojson(text) if text.startswith("{") else _from_wkt(text)
    check_geometry(geometry, types)
    return geometry


def check_geometry(geometry, types=None):
    """Refuse a parsed GEOS geometry that breaks the policy (see the module's docstring)."""
    if types and geometry.geom_type.upper() not in {kind.upper() for kind in types}:
        raise GeometryInputError(
            _("A %(given)s was given; give a %(expected)s.")
            % {"given": geometry.geom_type, "expected": " / ".join(types)},
            "wrong_type",
        )
    if geometry.srid not in (None, SRID):
        raise _foreign_crs()
    if geometry.empty:  # also what GEOS makes of a point read as NaN, NaN from WKB
        raise GeometryInputError(_("The geometry is empty: give at least one position."),
                                 "empty")
    if geometry.hasz:
        raise GeometryInputError(
            _("Give two coordinates (longitude, latitude) per position, not three."), "3d"
        )
    if geometry.num_coords > MAX_VERTICES:
        raise GeometryInputError(
            _("The geometry is too large: at most %(max)d positions.") % {"max": MAX_VERTICES},
            "too_large",
        )
    for lon, lat in _positions(geometry.coords):
        _check_position(lon, lat)
    if geometry.geom_type in _RING_TYPES and not geometry.valid:
        raise GeometryInputError(
            _("The polygon is not valid: %(reason)s.") % {"reason": geometry.valid_reason},
            "invalid_polygon",
        )
    geometry.srid = SRID


def _foreign_crs():
    return GeometryInputError(
        _("Only WGS 84 longitude/latitude is accepted (EPSG:4326, as GeoJSON requires): "
          "remove the reference system and give degrees."),
        "foreign_crs",
    )


def _not_finite(_value):
    raise GeometryInputError(_("Every coordinate must be a finite number."), "not_finite")


def _from_geojson(text):
    try:
        data = json.loads(text, parse_constant=_not_finite)
    except ValueError as error:
        if isinstance(error, GeometryInputError):
            raise
        raise GeometryInputError(
            _("This is not valid GeoJSON: %(error)s.") % {"error": error}, "invalid"
        ) from None
    if not isinstance(data, dict):
        raise GeometryInputError(_("Give a GeoJSON geometry object."), "invalid")
    if "crs" in data:
        raise _foreign_crs()
    kind = data.get("type")
    depth = _RING_TYPES.get(kind)
    if depth is not None:
        polygons = data.get("coordinates") if depth == 2 else [data.get("coordinates")]
        for polygon in polygons if isinstance(polygons, list) else []:
            for ring in polygon if isinstance(polygon, list) else []:
                _check_ring(ring)
    for position in _json_positions(data.get("coordinates")):
        if len(position) != 2:
            raise GeometryInputError(
                _("Give two coordinates (longitude, latitude) per position, not three."), "3d"
            )
        _check_position(*position)
    try:
        return GEOSGeometry(json.dumps(data), srid=SRID)
    except (GEOSException, ValueError, TypeError) as error:
        raise GeometryInputError(
            _("This is not a GeoJSON geometry: %(error)s.") % {"error": error}, "invalid"
        ) from None


def _from_wkt(text):
    srid = _EWKT_SRID.match(text)
    if srid and srid.group(1).strip() != str(SRID):
        raise _foreign_crs()
    if _NOT_FINITE.search(text):
        _not_finite(text)
    try:
        return GEOSGeometry(text)
    except (GEOSException, ValueError, TypeError):
        # GEOSGeometry's error does not say why; shapely's reader gives GEOS's own reason.
        try:
            shapely.from_wkt(text[srid.end():] if srid else text)
        except shapely.errors.GEOSException as error:
            if "closed" in str(error).lower():
                raise _unclosed() from None
        raise GeometryInputError(
            _("This is neither GeoJSON nor WKT, e.g. POINT (23.16 53.13)."), "invalid"
        ) from None


def _unclosed():
    return GeometryInputError(
        _("A ring is not closed: its last position must repeat the first, and it needs at "
          "least four positions."),
        "unclosed_ring",
    )


def _check_ring(ring):
    if not isinstance(ring, list) or len(ring) < 4 or ring[0] != ring[-1]:
        raise _unclosed()


def _json_positions(value):
    """Every position of a GeoJSON coordinates array; refuses anything but numbers."""
    if isinstance(value, list) and value and not isinstance(value[0], list):
        if not all(isinstance(n, int | float) and not isinstance(n, bool) for n in value):
            raise GeometryInputError(_("Every coordinate must be a finite number."),
                                     "not_finite")
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _json_positions(item)


def _positions(coords):
    """Every (x, y) of GEOS `coords` (a tuple of numbers or nested tuples)."""
    if coords and isinstance(coords[0], int | float):
        yield coords[:2]
    else:
        for item in coords:
            yield from _positions(item)


def _check_position(lon, lat):
    if not (math.isfinite(lon) and math.isfinite(lat)):
        _not_finite(lon)
    if not -180 <= lon <= 180 or not -90 <= lat <= 90:
        raise GeometryInputError(
            _("Position (%(lon)s, %(lat)s) is out of range: longitude must lie between -180 "
              "and 180 and latitude between -90 and 90 (longitude first).")
            % {"lon": lon, "lat": lat},
            "out_of_range",
        )


class GeometryInputField(forms.GeometryField):
    """A form field that reads its text through parse_geometry: errors name the problem."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        types = None if self.geom_type == "GEOMETRY" else (_GEOS_NAMES[self.geom_type],)
        try:
            if isinstance(value, GEOSGeometry):
                check_geometry(value, types)
                return value
            return parse_geometry(value, types)
        except GeometryInputError as error:
            raise ValidationError(str(error), code=error.code) from None


class PointInputField(GeometryInputField):
    geom_type = "POINT"
