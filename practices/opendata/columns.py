"""The columns of the case exports (CSV, XLSX, GeoJSON, GeoPackage) and the rows of a
selection, derived from the one declaration of a case's public fields
(`practices.fields.CaseFields`) and the tools' facts (`practices.domain.fact_schemas`).

Rules (the data page /dane/ documents them, generated from the same lists):
- One column per declared field, in the declaration's order, named as the field. The point
  (`geometry`) becomes `longitude` and `latitude` (WGS 84, 6 decimals, as the API writes
  them); in GeoJSON and GeoPackage it is the feature's geometry and `id` the feature's id.
- A field the API's detail shows as an object (`tool`, `municipality`) is exported as its
  key: the tool's slug, the gmina's TERYT code (`municipality_name` names the gmina).
- The `facts` field becomes one column per fact key of any tool, `fact_<key>`, in the
  tools' order; a key several tools share (e.g. `amount_pln`) is one column. Empty where
  the case's tool has no such fact or the fact was not given. Computed facts (a
  referendum's turnout...) are included, as the API's detail gives them.
- Values are the API detail's values: dates ISO 8601, date-times with their offset, links
  as [{url, label}]. In CSV, empty is an empty cell, booleans are `true`/`false`, lists and
  objects are JSON text; XLSX keeps numbers and booleans typed and text as text (never a
  formula).
- Rows are the selection's published cases ordered by id, as /api/practices/ returns them,
  read a chunk at a time from a server-side cursor.
"""
import json
from dataclasses import dataclass

from django.contrib.postgres.aggregates import JSONBAgg
from django.db.models import JSONField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, JSONObject
from rest_framework.fields import DateTimeField

from practices.domain.declaration import Type
from practices.domain.fact_schemas import SCHEMAS
from practices.domain.facts import enrich
from practices.fields import CaseFields
from practices.geojson import PRECISION
from practices.models import PracticeLink

# Cases read from the database per fetch of the server-side cursor.
CHUNK_ROWS = 2000
FACT_PREFIX = "fact_"
_DATETIME = DateTimeField()
# The declared link fields and the kind of link each lists (practices.fields: sources are
# the links of kind "source", links those of kind "link").
LINK_KINDS = {"sources": PracticeLink.Kind.SOURCE, "links": PracticeLink.Kind.LINK}
LINKS_ATTRIBUTE = "_export_links_"


@dataclass(frozen=True)
class Column:
    """One export column: its `name` (the header), the declared field or fact it comes from,
    its type (a declaration Type, or a facts Kind) and its meaning (lazy, translated)."""

    name: str
    type: str
    meaning: object
    values: tuple | None = None
    field: object = None  # the declared Field
    fact: str = ""  # the fact key, for fact columns
    tools: tuple = ()  # the tools that have this fact
    unit: object = ""


def fact_columns():
    """One column per fact key, in the order the tools declare them; a shared key once."""
    columns = {}
    for slug, schema in SCHEMAS.items():
        for fact in schema.fields:
            if fact.key in columns:
                columns[fact.key]["tools"].append(slug)
                continue
            columns[fact.key] = {"fact": fact, "tools": [slug]}
    return [
        Column(FACT_PREFIX + key, str(entry["fact"].kind), entry["fact"].label,
               values=entry["fact"].values or None, fact=key, tools=tuple(entry["tools"]),
               unit=entry["fact"].unit)
        for key, entry in columns.items()
    ]


def case_columns():
    """Every column of a case export, in order (see the module's rules)."""
    columns = []
    for field in CaseFields.fields.values():
        if field.type == Type.POINT:
            columns += [Column("longitude", "number", field.meaning, field=field),
                        Column("latitude", "number", field.meaning, field=field)]
        elif field.type == Type.FACTS:
            columns += fact_columns()
        else:
            columns.append(Column(field.name, str(field.type), field.meaning,
                                  values=field.values, field=field))
    return columns


def header():
    return [column.name for column in case_columns()]


def _value(field, instance):
    value = field.read.python(instance)
    if value is None:
        return None
    if field.type == Type.DATE:
        return value.isoformat()
    if field.type == Type.DATETIME:
        return _DATETIME.to_representation(value)
    return value


def case_values(instance, columns):
    """The values of one case for `columns`, typed as the API's JSON has them."""
    facts = point = None
    values = []
    for column in columns:
        if column.fact:
            if facts is None:
                facts = enrich(instance)
            values.append(facts.get(column.fact))
        elif column.field.type == Type.LINKS and column.name in LINK_KINDS:
            values.append(getattr(instance, LINKS_ATTRIBUTE + LINK_KINDS[column.name]))
        elif column.field.type == Type.POINT:
            if point is None:
                point = column.field.read.python(instance).coords
            values.append(round(point[0] if column.name == "longitude" else point[1], PRECISION))
        else:
            values.append(_value(column.field, instance))
    return values


def case_queryset(filters):
    """The selection's cases with what the readers need, ordered as the API orders them."""
    return (
        filters.practices()
        .select_related("tool", "municipality")
        # A gmina's boundaries are large and no column needs them.
        .defer("municipality__boundary", "municipality__display_boundary")
        .annotate(**{LINKS_ATTRIBUTE + kind: _links_json(kind) for kind in PracticeLink.Kind})
        .order_by("pk")
    )


def _links_json(kind):
    """A case's links of one kind as a JSON array of {url, label} in their order, read with
    the case: Django's prefetch would cost a query clone per case (~1 ms each)."""
    links = (
        PracticeLink.objects.filter(practice=OuterRef("pk"), kind=kind).order_by()
        .values("practice")
        .annotate(items=JSONBAgg(JSONObject(url="url", label="label"),
                                 order_by=("position", "pk")))
        .values("items")
    )
    return Coalesce(Subquery(links), Value([], output_field=JSONField()))


def case_rows(filters, columns=None):
    """Yield the values of each case of the selection (a list per case, `columns`' order),
    fetched CHUNK_ROWS at a time from a server-side cursor: memory stays flat."""
    columns = case_columns() if columns is None else columns
    for instance in case_queryset(filters).iterator(chunk_size=CHUNK_ROWS):
        yield case_values(instance, columns)


def cell_text(value):
    """A value as a CSV cell (see the module's rules)."""
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
