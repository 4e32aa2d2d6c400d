"""Every case's summary feature, kept written in the database.

The list's features (practices.geojson) are the same few hundred bytes of JSON for a case
until the case, its gmina or its tool changes; writing them again for every request made
PostgreSQL spend most of a filtered list's time joining gminy and concatenating text
(bench/api.py). The column `Practice.feature` holds each case's feature as the list sends it
(WGS 84, PRECISION decimals), and the list reads it as it is.

It is written by the database, so no write can leave it stale, whichever way it comes (the
ORM, bulk_create, an import's SQL, a queryset update):
- a BEFORE INSERT OR UPDATE trigger on the cases writes it from the row and its gmina and
  tool, with the SQL practices.feature_text.summary_feature() builds from the declared fields;
- AFTER UPDATE triggers on the gminy and the tools rewrite the features of their cases when
  a column a feature reads changes (a gmina renamed, a tool's slug).

The triggers' SQL is generated from the code (the declared fields, the pages' paths), so it
is installed after every `migrate` (post_migrate), not by a migration: when the generated SQL
differs from the installed one (a field added, another path), the functions are replaced
and every case's feature rewritten, in one transaction. The installed SQL carries its digest
as a comment; the list reads the stored features only while that digest is this code's
and every trigger is enabled (`usable`), and writes them itself otherwise, so a database
migrated by other code, or whose triggers an operator disabled, still gets right answers,
only slower. The counts of published cases per gmina and tool (PublishedCount, kept by
triggers of migrations 0014 and 0016) are trusted the same way (`counting`).
"""
import hashlib

from django.db import connections, transaction
from django.db.models import F

from practices import feature_text
from practices.models import Practice

FUNCTION = "practices_practice_feature"
RELATED_FUNCTION = "practices_feature_of_{}"


def _related_columns():
    """{relation name: [columns of the related table the features read]}, from the declared
    summary columns (F paths like municipality__name). Only forward one-to-many relations of
    the case can be followed by a trigger; anything else is refused here."""
    found = {}

    def walk(expression):
        if isinstance(expression, F):
            relation, _sep, rest = expression.name.partition("__")
            if rest:
                field = Practice._meta.get_field(relation)
                if not field.many_to_one or "__" in rest:
                    raise ValueError(f"a stored feature cannot follow {expression.name}")
                column = field.related_model._meta.get_field(rest).column
                found.setdefault(relation, set()).add(column)
            return
        for source in expression.get_source_expressions():
            walk(source)

    for expression in feature_text.summary_columns():
        walk(expression)
    return {relation: sorted(columns) for relation, columns in sorted(found.items())}


def _literal(connection, sql, params):
    """`sql` with its params written in as literals (a function body takes no parameters)."""
    return connection.ops.compose_sql(sql, params)


def definition(connection):
    """The SQL that installs the functions and triggers, generated from the code."""
    quote = connection.ops.quote_name
    table = quote(Practice._meta.db_table)
    aliases = feature_text.summary_columns()
    rows = Practice._base_manager.using(connection.alias).order_by().values(
        **{alias: expression for expression, alias in aliases.items()})
    inner = _literal(connection, *rows.query.sql_with_params())
    # The row being written stands in for the table: the compiled SELECT reads NEW.
    source = f"FROM {table}"
    if inner.count(source) != 1:
        raise ValueError(f"the summary columns' query does not read {table} once: {inner}")
    inner = inner.replace(source, f"FROM (SELECT NEW.*) {table}")
    feature = _literal(connection, *feature_text.summary_feature(aliases))
    statements = [f"""
DO $body$ DECLARE t record; BEGIN
    -- The triggers on related tables of an earlier definition (a relation no field reads).
    FOR t IN SELECT tgname, tgrelid::regclass AS rel FROM pg_trigger
             WHERE tgname LIKE '{RELATED_FUNCTION.format("%")}' LOOP
        EXECUTE format('DROP TRIGGER %I ON %s', t.tgname, t.rel);
    END LOOP;
END
$body$""",  # nosec B608 (fixed text; the trigger name from a constant)
        f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    NEW.feature := (SELECT {feature} FROM ({inner}) s);
    IF NEW.feature IS NULL THEN
        RAISE EXCEPTION 'case % has no gmina % or no tool % to write its feature from',
            NEW.id, NEW.municipality_id, NEW.tool_id;
    END IF;
    RETURN NEW;
END
$body$""",  # nosec B608 (identifiers from the models; SQL compiled by Django)
        f"DROP TRIGGER IF EXISTS {FUNCTION} ON {table}",
        f"CREATE TRIGGER {FUNCTION} BEFORE INSERT OR UPDATE ON {table}"
        f" FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"]
    for relation, columns in _related_columns().items():
        field = Practice._meta.get_field(relation)
        related = quote(field.related_model._meta.db_table)
        key = quote(field.target_field.column)
        function = RELATED_FUNCTION.format(field.related_model._meta.model_name)
        # Compared as text: a geometry's text is its exact EWKB, and no operator needs to be
        # looked up (a restore runs with an empty search_path, where PostGIS's = is ambiguous).
        changed = " OR ".join(f"OLD.{c}::text IS DISTINCT FROM NEW.{c}::text"
                              for c in map(quote, columns))
        statements += [f"""
CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    -- The cases' own trigger writes the feature again.
    UPDATE {table} SET feature = '' WHERE {quote(field.column)} = NEW.{key};
    RETURN NULL;
END
$body$""",  # nosec B608 (identifiers from the models)
            f"CREATE TRIGGER {function} AFTER UPDATE OF {', '.join(map(quote, columns))}"
            f" ON {related} FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {function}()"]
    return statements


def digest(statements):
    return hashlib.sha256("\n;\n".join(statements).encode()).hexdigest()[:32]


def _installed_digest(cursor):
    """The digest of the installed definition while its triggers all stand enabled (the
    cases' own and one per related table the features read), else None."""
    cursor.execute(
        "SELECT obj_description(p.oid, 'pg_proc') FROM pg_proc p"
        " JOIN pg_trigger t ON t.tgfoid = p.oid AND t.tgenabled <> 'D'"
        " WHERE p.oid = to_regprocedure(%s) AND (SELECT count(*) FROM pg_trigger r"
        " WHERE r.tgname LIKE %s AND r.tgenabled <> 'D') = %s",
        [f"{FUNCTION}()", RELATED_FUNCTION.format("%"), len(_related_columns())])
    row = cursor.fetchone()
    return row[0] if row else None


def install(using="default"):
    """Install the triggers if the database's are not this code's, and then write every
    case's feature. Returns whether anything was installed."""
    connection = connections[using]
    table = connection.ops.quote_name(Practice._meta.db_table)
    with connection.cursor() as cursor:
        columns = connection.introspection.get_table_description(cursor, Practice._meta.db_table)
    if "feature" not in {column.name for column in columns}:
        return False  # migrated back before the column (its migration dropped the triggers)
    statements = definition(connection)
    wanted = digest(statements)
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if _installed_digest(cursor) == wanted:
            return False
        for statement in statements:
            cursor.execute(statement)
        cursor.execute(f"COMMENT ON FUNCTION {FUNCTION}() IS %s", [wanted])
        cursor.execute(f"UPDATE {table} SET feature = ''")  # nosec B608 (the model's table)
    forget()
    return True


def install_after_migrate(sender, using="default", **kwargs):
    install(using)


_usable = {}


def usable(using="default"):
    """Whether the stored features are this code's and kept by it (every trigger enabled):
    checked once per process and database (again after `forget`, which install and a change
    of settings call)."""
    if using not in _usable:
        connection = connections[using]
        wanted = digest(definition(connection))
        with connection.cursor() as cursor:
            _usable[using] = _installed_digest(cursor) == wanted
    return _usable[using]


def forget(**kwargs):
    """Check again before the next read, and drop the statements compiled meanwhile."""
    from practices import caching

    _usable.clear()
    _counting.clear()
    caching.forget_compiled()


# The triggers that keep PublishedCount (migrations 0014 and 0016).
COUNTING_TRIGGERS = ("practices_published_count", "practices_published_count_truncated")


def counting(using="default"):
    """Whether the database keeps the counts of published cases (PublishedCount): every
    counting trigger is on the cases and enabled. An operator may disable triggers for a bulk
    load; the counts then fall behind, and the cases are counted instead
    (stat_counts.kept_counts). Checked once per process and database, as `usable`, and
    again after `forget`."""
    if using not in _counting:
        with connections[using].cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_trigger WHERE tgrelid = %s::regclass"
                " AND tgname = ANY(%s) AND tgenabled <> 'D'",
                [Practice._meta.db_table, list(COUNTING_TRIGGERS)])
            _counting[using] = cursor.fetchone()[0] == len(COUNTING_TRIGGERS)
    return _counting[using]


_counting = {}
