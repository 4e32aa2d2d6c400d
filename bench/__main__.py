"""Run the benchmarks: `python -m bench` runs all, `python -m bench boundaries api` some."""
import argparse
import importlib
import os
import sys

SUITES = {
    "boundaries": "bench.boundaries",  # national boundary import and display GeoJSON size
    "api": "bench.api",  # GeoJSON API against the SQL floor and a plain DRF-gis view
    "web": "bench.web",  # map page weight and time to markers in headless Chromium
    "load": "bench.load",  # mixed load on gunicorn (locust): highest rate with p95 < 200 ms
}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("suites", nargs="*", metavar="SUITE", help=", ".join(SUITES))
    args = parser.parse_args(argv)
    unknown = [name for name in args.suites if name not in SUITES]
    if unknown:
        parser.error(f"unknown suite {', '.join(unknown)}: choose from {', '.join(SUITES)}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mapa.settings")
    import django

    django.setup()
    failed = []
    for name in args.suites or SUITES:
        print(f"\n=== {name} ===", flush=True)
        module = importlib.import_module(SUITES[name])
        if not module.run():
            failed.append(name)
    if failed:
        print(f"\nTargets missed in: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
