"""The SQL that writes a case's summary feature (the list's GeoJSON Feature) from its
columns: the members and properties declared in `practices.fields.CaseFields`, in their order,
each written as JSON by PostgreSQL (`ST_AsGeoJSON` with PRECISION decimals, `to_json` for
escaping). practices.geojson reads features with it, and practices.feature_store installs it
in the trigger that keeps every case's feature written.
"""
import json

from django.db.models import F

from practices.domain.declaration import PagePath, Type
from practices.fields import CaseFields

# Decimal places of point coordinates (about 0.1 m).
PRECISION = 6
# (srid, flip, precision) of the API's own features: WGS 84, lon/lat, PRECISION decimals.
DEFAULT_CRS = (4326, False, PRECISION)


def _bool(column):
    return f"(CASE WHEN {column} THEN 'true' ELSE 'false' END)"


def geometry_json(column, srid=4326, flip=False):
    """SQL of a WGS 84 geometry column's GeoJSON text, in another system (`srid`, an EPSG
    code from the OGC API's allow-list, never a client's text) and with its axes swapped
    (`flip`) where that system writes latitude or northing first. Needs one parameter: the
    decimal places."""
    if srid != 4326:
        column = f"ST_Transform({column}, {int(srid)})"
    if flip:
        column = f"ST_FlipCoordinates({column})"
    return f"ST_AsGeoJSON({column}, %s, 0)"


def _json(field, column, crs=None):
    """SQL giving the JSON text of a declared field's value in `column`, and its params.
    `crs` is (srid, flip, precision) for the geometry (default: WGS 84, RFC 7946)."""
    if field.type == Type.POINT:
        srid, flip, precision = crs or DEFAULT_CRS
        return geometry_json(column, srid, flip), (precision,)
    params = ()
    if isinstance(field.read, PagePath):
        prefix, suffix = field.read.parts()
        column, params = f"(%s::text || {column} || %s::text)", (prefix, suffix)
    if field.type == Type.INTEGER:
        text = column  # PostgreSQL writes integers as JSON writes them
    elif field.type == Type.BOOLEAN:
        text = _bool(column)
    else:  # text of any kind, and dates: to_json escapes and quotes
        text = f"to_json({column})"
    if field.nullable:
        text = f"coalesce(({text})::text, 'null')"
    return text, params



def summary_columns():
    """{Django expression: alias} of the columns a case's summary feature is written from:
    the sample flag, then one per distinct expression of the declared summary fields (the url
    reuses the slug, the sample flag is_sample)."""
    declared = [CaseFields.id, CaseFields.geometry, *CaseFields.properties("summary")]
    aliases = {}
    for expression in [F("is_sample"), *(field.read.column() for field in declared)]:
        aliases.setdefault(expression, f"c{len(aliases)}")
    return aliases


def summary_feature(aliases, crs=DEFAULT_CRS):
    """(SQL of one case's summary feature text over the columns `s.<alias>` of
    `summary_columns()`, its params): the members and properties of `CaseFields`, in their
    order. The database's stored copy (practices.feature_store) is written by the same SQL."""
    parts, params = [], []
    for field in [CaseFields.id, CaseFields.geometry, *CaseFields.properties("summary")]:
        text, field_params = _json(field, f"s.{aliases[field.read.column()]}", crs)
        parts.append((field, text))
        params.extend(field_params)
    (_id, id_sql), (_geometry, geometry_sql), *properties = parts
    sql = (
        """'{"type":"Feature","id":' || """ + id_sql
        + """ || ',"geometry":' || """ + geometry_sql
        + """ || ',"properties":{"""
        + " || ',".join(f'{json.dumps(field.name)}:\' || {text}' for field, text in properties)
        + """ || '}}'"""
    )
    return sql, params
