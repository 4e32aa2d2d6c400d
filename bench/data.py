"""What the benchmarks add to the database and take away again, and where their servers
listen. A benchmark runs against the project's database: everything it adds is recorded
and removed, so the demo data is left as it was."""
import socket
import time

REGISTER_MODELS = ("Municipality", "County", "Voivodeship")


def _models():
    from geodata import models

    return [getattr(models, name) for name in REGISTER_MODELS]


def import_missing(paths, voivodeships=None, label=""):
    """Import boundary files; returns {model: keys added} for `remove_added`."""
    from geodata.importers import import_boundaries

    before = {model: set(model.objects.values_list("pk", flat=True)) for model in _models()}
    print(f"Importing {label or ', '.join(str(p) for p in paths)}…", flush=True)
    started = time.perf_counter()
    for path in paths:
        import_boundaries(str(path), voivodeships=voivodeships)
    print(f"  imported in {time.perf_counter() - started:.1f} s", flush=True)
    return {model: set(model.objects.values_list("pk", flat=True)) - before[model]
            for model in _models()}


def remove_added(slug_prefix, added):
    """Delete the benchmark's cases (by slug prefix) and the register rows it imported."""
    from geodata import display
    from practices.models import Practice

    deleted = delete_cases(Practice.objects.filter(slug__startswith=slug_prefix))
    print(f"\nRemoved {deleted:,} benchmark rows.", flush=True)
    if added:
        for model in _models():
            model.objects.filter(pk__in=added[model]).delete()
        display.refresh_display_boundaries()
        print(f"Removed the {len(added[_models()[0]]):,} gminy the benchmark imported.")


def delete_cases(queryset):
    """Delete the cases of `queryset` and every row that depends on them in a few SQL
    statements, as Django's on_delete rules would (CASCADE deletes, SET_NULL clears); returns
    the number of cases deleted, and their history rows. The ORM's `delete()` loads 100,000
    cases, writes a history row and sends signals for each (minutes); this invalidates the
    data version once instead."""
    from django.db import connection, transaction

    from practices import caching

    ids_sql, ids_params = queryset.values("pk").query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE bench_gone (pk) ON COMMIT DROP AS " + ids_sql,
                       ids_params)
        _delete_where(cursor, queryset.model, "SELECT pk FROM bench_gone")
        deleted = cursor.rowcount
        # Their versions (django-simple-history keeps them after a delete): the ORM's delete
        # would even have added one per case.
        history = getattr(queryset.model, "history", None)
        if history is not None:
            cursor.execute(f"DELETE FROM {history.model._meta.db_table}"  # nosec B608
                           " WHERE id IN (SELECT pk FROM bench_gone)")
        caching.invalidate()
    return deleted


def _delete_where(cursor, model, keys_sql):
    """Delete the rows of `model` whose key is in `keys_sql`, their dependants first."""
    from django.db import models

    table = model._meta.db_table
    pk = model._meta.pk.column
    for relation in model._meta.related_objects:
        if relation.many_to_many:
            continue
        related, column = relation.related_model, relation.field.column
        rule = relation.on_delete
        related_table = related._meta.db_table
        where = f"{column} IN ({keys_sql})"
        if rule is models.CASCADE:
            _delete_where(cursor, related, f"SELECT {related._meta.pk.column} "  # nosec B608
                                           f"FROM {related_table} WHERE {where}")
        elif rule is models.SET_NULL:
            cursor.execute(f"UPDATE {related_table} SET {column} = NULL WHERE {where}")  # nosec B608
        elif rule is not models.DO_NOTHING:
            raise RuntimeError(f"{related.__name__}.{relation.field.name}: {rule.__name__} "
                               "is not handled by the benchmarks' bulk delete")
    cursor.execute(f"DELETE FROM {table} WHERE {pk} IN ({keys_sql})")  # nosec B608


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
