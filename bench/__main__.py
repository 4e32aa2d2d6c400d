"""Run the benchmarks: `python -m bench` runs all, `python -m bench boundaries api` some."""
import argparse
import importlib
import os
import sys

SUITES = {
    "boundaries": "bench.boundaries",  # national boundary import and display GeoJSON size
    "api": "bench.api",  # GeoJSON API against the SQL floor and a plain DRF-gis view
    "web": "bench.web",  # map page weight and time to markers in headless Chromium
    "tiles": "bench.tiles",  # 100,000 national cases through vector tiles vs 5,000 markers
    "switch": "bench.switch",  # a tool switch on the map, cold and warm, in headless Chromium
    "imports": "bench.imports",  # 10,000 spreadsheet rows: rows/s and the search trigger's share
    "opendata": "bench.opendata",  # OGC pages vs a SQL floor, 100k-case exports' memory, tiles
    "load": "bench.load",  # mixed load on gunicorn (locust): highest rate with p95 < 200 ms
    "moderation": "bench.moderation",  # the moderation queue with 1,000 pending submissions
    "submission": "bench.submission",  # the members' case form: server time of each step
}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("suites", nargs="*", metavar="SUITE", help=", ".join(SUITES))
    parser.add_argument(
        "--app-dir", action="append", default=[], metavar="DIR",
        help="serve this checkout instead of this one (api, web); repeat to compare "
        "checkouts side by side, the first being the reference (see bench/checkouts.py)",
    )
    parser.add_argument(
        "--national", action="store_true",
        help="web: 100,000 cases over all of Poland instead of 5,000 in the default region",
    )
    parser.add_argument(
        "--rounds", type=int, default=5, metavar="N",
        help="api, web: rounds (cold loads) per measurement, at least 5 (default 5); more "
        "when the machine is busy",
    )
    args = parser.parse_args(argv)
    if args.rounds < 5:
        parser.error("--rounds: give at least 5; medians of fewer are not worth reporting")
    unknown = [name for name in args.suites if name not in SUITES]
    if unknown:
        parser.error(f"unknown suite {', '.join(unknown)}: choose from {', '.join(SUITES)}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mapa.settings")
    import django

    django.setup()
    from bench import checkouts, systems, web

    checkouts.APP_DIRS[:] = args.app_dir
    web.NATIONAL = args.national
    systems.ROUNDS = web.RUNS = args.rounds
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
