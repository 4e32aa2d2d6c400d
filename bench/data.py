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

    deleted = Practice.objects.filter(slug__startswith=slug_prefix).delete()[0]
    print(f"\nRemoved {deleted:,} benchmark rows.", flush=True)
    if added:
        for model in _models():
            model.objects.filter(pk__in=added[model]).delete()
        display.refresh_display_boundaries()
        print(f"Removed the {len(added[_models()[0]]):,} gminy the benchmark imported.")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
