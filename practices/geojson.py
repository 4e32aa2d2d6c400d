"""GeoJSON FeatureCollections built in PostGIS and streamed.

Why SQL: serialising model instances one by one costs 20–70× the database's own time for a
national collection (bench/api.py); PostgreSQL writes each feature's JSON text itself
(practices.feature_text) and Python only passes it on: the first rows joined by PostgreSQL,
the rest fetched from a server-side cursor a chunk at a time, so the first bytes leave before
the last row is read and the server never holds the whole collection. The list's features
in WGS 84 are read as the database keeps them written (practices.feature_store), not written
again for every request.

Rules:
- Every statement is built from a queryset (`queryset.query.sql_with_params()`), so the
  visibility rule (`Practice.objects.published()`) and the filters (`practices.filters`) stay
  in one place and are never re-written here by hand.
- The output is RFC 7946: WGS 84 lon/lat coordinates, no `crs` member (`ST_AsGeoJSON`
  option 0 writes neither bbox nor crs).
- A collection that contains sample cases carries a top-level `note` saying so. It is written
  after `features` (member order is free in JSON), because a stream only knows at its end.
- Cases have `location` (set from the gmina's representative point when saved); rows written
  around `save()` without one fall back to that point rather than to a null geometry.

Bandit's B608 (SQL built from strings) is silenced on each statement here: what is
interpolated is SQL compiled by Django from a queryset, or our own constants; every value from
a request travels as a parameter.
"""
import json
import logging

from django.db import DatabaseError, connections, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from psycopg.adapt import Loader

from geodata.teryt import GMINA_TYPES
from practices import feature_store
from practices.feature_text import (  # noqa: F401 (PRECISION and geometry_json: also ours)
    DEFAULT_CRS,
    PRECISION,
    geometry_json,
    summary_columns,
    summary_feature,
)
from practices.fields import CaseFields, page_url_parts
from practices.models import ParticipationTool
from practices.revalidation import fetch_one

# Display boundaries are stored already rounded (geodata.display: mostly 4 decimals, 6 where
# a gmina needs them to stay valid), so they are written with 6 and come out exactly as
# stored. Points: feature_text.PRECISION.
BOUNDARY_PRECISION = 6
# Rows of the first read (a quick first byte; smaller selections need nothing else), then
# of each fetch from the cursor (~1.5 MB).
FIRST_CHUNK_ROWS = 1000
CHUNK_ROWS = 5000
COLLECTION_HEAD = b'{"type":"FeatureCollection","features":['

log = logging.getLogger(__name__)


class StreamAborted(Exception):
    """A collection could not be read to its end after its first bytes had left. Raised out
    of the stream on purpose: the server then cuts the connection without the final chunk, so
    the client sees a broken transfer, never a complete-looking document."""

def sample_note():
    return _(
        "This collection contains sample cases made up for demonstration (is_sample: true); "
        "they are not real records."
    )


def sample_counts_note():
    return _(
        "These counts include sample cases made up for demonstration; they are not real "
        "records."
    )


def sample_case_note():
    return _("This case is a sample made up for demonstration; it is not a real record.")


def practice_features(queryset, offset=0, limit=None, srid=4326, flip=False,
                      precision=PRECISION):
    """(sql, params) of a statement giving one row per case: (feature JSON text, is_sample,
    key), ordered by the key, the id. `queryset` is a filtered `Practice.objects.published()`;
    `offset` and `limit` select a page of it. The members and properties are the summary
    fields of `practices.fields.CaseFields`, in their order. The geometry is in WGS 84 unless
    `srid`/`flip`/`precision` say otherwise (see `geometry_json`)."""
    queryset = queryset.order_by("pk")
    if offset or limit is not None:
        queryset = queryset[offset: None if limit is None else offset + limit]
    return _practice_statements(queryset, (srid, flip, precision))[0]


def _practice_statements(queryset, crs, cut=False):
    """(the features statement of an ordered queryset, and with `cut` the same cut to its
    first rows before any text is written, the number of rows to be given as one more
    parameter, else None), compiled once: compiling a queryset costs about as much as a
    small selection's query.

    In WGS 84 with the default precision the features are the copies the database keeps
    (practices.feature_store), read without joining or writing anything, as long as that
    copy is current for this code; otherwise they are written here."""
    if tuple(crs) == DEFAULT_CRS and feature_store.usable(queryset.db):
        rows = queryset.values(c0=F("is_sample"), c1=F("id"), cf=F("feature"))
        feature, params, sample, key = "s.cf", [], "s.c0", "s.c1"
    else:
        aliases = summary_columns()
        rows = queryset.values(**{alias: expression for expression, alias in aliases.items()})
        feature, params = summary_feature(aliases, crs)
        sample = f"s.{aliases[F('is_sample')]}"
        key = f"s.{aliases[CaseFields.id.read.column()]}"
    inner, inner_params = rows.query.sql_with_params()
    sql = f"SELECT {feature} AS feature, {sample} AS sample, {key} AS key FROM ("  # nosec B608
    whole = (f"{sql}{inner}) s ORDER BY {key}", (*params, *inner_params))
    if not cut:
        return whole, None
    # The inner query ends with its ORDER BY (the queryset is ordered, not sliced).
    return whole, (f"{sql}{inner} LIMIT %s) s ORDER BY {key}", (*params, *inner_params))


def municipality_features(municipalities, practices, precision=BOUNDARY_PRECISION, srid=4326,
                          flip=False, counted=None):
    """(sql, params) of one row per gmina: (feature JSON text, counts include samples, key),
    ordered by the key, the TERYT code. `municipalities` picks the gminy, `practices` (a
    filtered published queryset) the cases counted, or `counted` (stat_counts.kept_counts(), the
    same selection) their counts as the database keeps them; `counts` lists only the tools
    with at least one case, in the tools' order; `eligible_voters` is null when not
    imported."""
    # Counted by the tool's id, the tools joined to the (few) groups afterwards: grouping by
    # the slug would sort every case by text (bench/api.py, the choropleth).
    if counted is not None:
        pairs = counted.order_by().values("municipality_id", "tool_id", "cases", "samples")
        pairs_sql, cases_params = pairs.query.sql_with_params()
        per_tool = ("SELECT c.municipality_id, c.tool_id, c.cases AS n, c.samples > 0 AS sample"
                    f" FROM ({pairs_sql}) c")  # nosec B608 (SQL compiled by Django)
    else:
        cases = practices.order_by().values("municipality_id", "is_sample", "tool_id")
        cases_sql, cases_params = cases.query.sql_with_params()
        per_tool = ("SELECT c.municipality_id, c.tool_id, count(*) AS n,"
                    " bool_or(c.is_sample) AS sample"
                    f" FROM ({cases_sql}) c GROUP BY c.municipality_id, c.tool_id")  # nosec B608
    gminy = municipalities.order_by().values(
        "teryt", "name", "type", "county_id", "voivodeship_id", "eligible_voters",
        county_name=F("county__name"),
        voivodeship_name=F("voivodeship__name"),
        geom=Coalesce("display_boundary", "boundary"),
    )
    gminy_sql, gminy_params = gminy.query.sql_with_params()
    prefix, suffix = page_url_parts("municipality-detail", "teryt")
    kinds = " ".join(f"WHEN '{code}' THEN '{kind}'" for code, kind in GMINA_TYPES.items())
    sql = (
        f"WITH per_tool AS ({per_tool}), per_gmina AS ("  # nosec B608
        " SELECT x.municipality_id, sum(x.n)::bigint AS total, bool_or(x.sample) AS sample,"
        " '{' || string_agg(to_json(t.slug)::text || ':' || x.n, ',' ORDER BY t.position,"
        " t.slug) || '}' AS counts"
        f" FROM per_tool x JOIN {ParticipationTool._meta.db_table} t ON t.id = x.tool_id"
        " GROUP BY x.municipality_id)"
        """ SELECT '{"type":"Feature","id":' || to_json(g.teryt)"""
        + """ || ',"geometry":' || coalesce(""" + geometry_json("g.geom", srid, flip)
        + """, 'null')"""
        """ || ',"properties":{"teryt":' || to_json(g.teryt)"""
        """ || ',"name":' || to_json(g.name)"""
        f""" || ',"type":' || to_json(CASE g.type {kinds} ELSE g.type END)"""
        """ || ',"county":' || to_json(g.county_id)"""
        """ || ',"county_name":' || to_json(g.county_name)"""
        """ || ',"voivodeship":' || to_json(g.voivodeship_id)"""
        """ || ',"voivodeship_name":' || to_json(g.voivodeship_name)"""
        """ || ',"eligible_voters":' || coalesce(g.eligible_voters::text, 'null')"""
        """ || ',"practice_count":' || coalesce(t.total, 0)"""
        """ || ',"counts":' || coalesce(t.counts, '{}')"""
        """ || ',"url":' || to_json(%s::text || g.teryt || %s::text) || '}}'"""
        " AS feature, coalesce(t.sample, false) AS sample, g.teryt AS key"
        f" FROM ({gminy_sql}) g LEFT JOIN per_gmina t ON t.municipality_id = g.teryt"
        " ORDER BY g.teryt"
    )
    return sql, (*cases_params, precision, prefix, suffix, *gminy_params)


def fetch_features(features_sql, params, using="default"):
    """(list of feature texts, contains samples) for small selections (pages, one feature)."""
    with connections[using].cursor() as cursor:
        cursor.execute(features_sql, params)
        rows = cursor.fetchall()
    return [row[0] for row in rows], any(row[1] for row in rows)


class _Utf8Bytes(Loader):
    """Loads a text column as the UTF-8 bytes it arrives in (Django's connections use UTF-8),
    so the features PostgreSQL writes leave unchanged: decoding them into a str and encoding
    the str again cost more than the rest of the Python side of a small collection."""

    def load(self, data):
        return bytes(data)


def _bytes_cursor(cursor):
    """A Django cursor whose text columns come as bytes (see _Utf8Bytes)."""
    cursor.cursor.adapters.register_loader("text", _Utf8Bytes)
    return cursor


def _closed(text, samples, note):
    """The end of a collection after its features (bytes): `]`, the note if any feature is
    a sample, `}`."""
    return text + b"]" + (members(note=note).encode() if samples else b"") + b"}"


def collection_text(features_sql, params, note, using="default"):
    """The whole FeatureCollection (UTF-8 bytes) of a features statement, joined by
    PostgreSQL in one round trip: for collections bounded by the register rather than by the
    cases (the gminy: 2,477 at most, about 2 MB), whose rows all wait for the same counting."""
    sql = (
        "SELECT coalesce(string_agg(f.feature, ',' ORDER BY f.key), ''),"  # nosec B608
        f" coalesce(bool_or(f.sample), false) FROM ({features_sql}) f"
    )
    with _bytes_cursor(connections[using].cursor()) as cursor:
        text, samples = fetch_one(cursor, sql, params)
    return _closed(COLLECTION_HEAD + text, samples, note)


def members(**values):
    """Extra top-level members as JSON text to append after `features`: ',"a":1,"b":"x"'."""
    return "".join(f",{json.dumps(key)}:{json.dumps(value)}" for key, value in values.items())


def stream_statements(queryset):
    """(the features statement, the same cut to its first rows) that practices_answer
    reads for a filtered published queryset: compile them once, keep them
    (caching.compiled)."""
    return _practice_statements(queryset.order_by("pk"), DEFAULT_CRS, cut=True)


def practices_answer(statements, note, using="default"):
    """The FeatureCollection of `stream_statements(queryset)`: its whole text (UTF-8 bytes)
    when the selection is smaller than the first read, else an iterator of its chunks.

    The first read is one plain query, joined by PostgreSQL (Python handles one value, not a
    thousand), whose LIMIT makes PostgreSQL plan for the first rows. It happens here, before
    the view returns, so a small selection costs one round trip to the database and is sent
    with its Content-Length, and a database error in it is an error answer rather than a
    broken transfer. Its rows are cut from the cases before any text is written: cut from
    the features, PostgreSQL would write the text of every case of a selection that is not
    read in id order (a bbox) to keep the first thousand, and the cursor would then write
    the rest again. Only when the first read is full does the rest come from a server-side
    cursor (stream_rest)."""
    features, first = statements
    sql = (
        "SELECT coalesce(string_agg(q.feature, ',' ORDER BY q.key), ''),"  # nosec B608
        f" coalesce(bool_or(q.sample), false), count(*), max(q.key) FROM ({first[0]}) q"
    )
    with _bytes_cursor(connections[using].cursor()) as cursor:
        cursor.execute(sql, (*first[1], FIRST_CHUNK_ROWS))
        text, samples, count, last_key = cursor.fetchone()
    if count < FIRST_CHUNK_ROWS:
        return _closed(COLLECTION_HEAD + text, samples, note)
    return stream_rest(*features, note, begun=(text, samples, last_key), using=using)


def stream_rest(features_sql, params, note, begun, using="default"):
    """Yield a FeatureCollection's chunks (UTF-8 bytes): `begun` (the first read's text,
    whether it holds samples, its last key), then the rest from a server-side cursor,
    continuing after that key, a chunk at a time, then the closing with `note` as the note
    if any row is a sample. (The note is translated by the caller: the stream is read after
    the view has returned.)

    The cursor lives in its own transaction for as long as the stream is read (one declared
    outside would be materialised whole before the first fetch); a client that goes away
    closes the generator, which rolls the read-only transaction back. The two reads may see
    different moments of the data; continuing by key, never by offset, means no case is sent
    twice or skipped because of a change in between.

    Bounded: a client that stops reading blocks the server's write, which the server's send
    timeout ends (mapa/gunicorn_conf.py); meanwhile PostgreSQL ends the transaction left idle
    (MAPA_DB_IDLE_IN_TRANSACTION_TIMEOUT). A database error once bytes have left raises
    StreamAborted, never a closing bracket (see StreamAborted).
    """
    text, samples, after = begun
    yield COLLECTION_HEAD + text
    try:
        for chunk, chunk_samples in _rest(features_sql, params, after, using):
            samples = samples or chunk_samples
            yield b"," + chunk
    except DatabaseError as error:
        log.warning("GeoJSON stream aborted by a database error: %s", type(error).__name__)
        raise StreamAborted(type(error).__name__) from error
    yield _closed(b"", samples, note)


def _rest(features_sql, params, after, using):
    """(chunk of features joined, whether it holds samples) from a server-side cursor, for
    the rows after the key `after`. (JIT compilation is off for every connection:
    mapa/settings.py.)"""
    connection = connections[using]
    sql = (f"SELECT q.feature, q.sample, q.key FROM ({features_sql}) q"  # nosec B608
           " WHERE q.key > %s ORDER BY q.key")
    with transaction.atomic(using=using):
        with _bytes_cursor(connection.chunked_cursor()) as cursor:
            cursor.execute(sql, (*params, after))
            while rows := cursor.fetchmany(CHUNK_ROWS):
                yield b",".join(row[0] for row in rows), any(row[1] for row in rows)
                if len(rows) < CHUNK_ROWS:
                    break
