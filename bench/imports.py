"""The spreadsheet import at scale: 10,000 generated rows.

Writes a CSV of ROWS cases (every tool, with facts, titles, summaries and descriptions of
realistic length) in gminy of the register, then times, each in a transaction rolled back:
the import that creates them; the same import with the search trigger disabled (the
difference is the trigger's share); and a second import of the same file on top of the
first (everything unchanged).

Target: the creating import in under TARGET_S seconds.
"""
import csv
import os
import random
import tempfile
import time
from pathlib import Path

from django.db import connection, transaction

from geodata.models import Municipality
from practices.domain.tools import TOOLS
from practices.imports.spreadsheet import import_spreadsheet
from practices.imports.template import EXAMPLE_FACTS, stored_fields

ROWS = 10_000
TARGET_S = 60.0
SEED = 9
WORDS = ("budżet mieszkańcy projekt głosowanie konsultacje park ulica szkoła boisko rada "
         "gmina sołectwo plac zabaw ścieżka rowerowa biblioteka seniorzy młodzież zieleń "
         "remont świetlica").split()


class _Rollback(Exception):
    pass


def run():
    gminy = list(Municipality.objects.values_list("teryt", flat=True))
    if not gminy:
        print("The register of gminy is empty: import the boundaries first.")
        return False
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cases.csv"
        words = _write(path, gminy)
        create = _timed(path)
        no_trigger = _timed(path, disable_trigger=True)
        again = _timed(path, twice=True)
    share = (create - no_trigger) / create
    print(f"{ROWS} rows, {words} words of text; database rolled back after each run")
    # The machines are shared: a load far above the core count stretches every figure.
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"import creating them: {create:.1f} s = {ROWS / create:.0f} rows/s "
          f"(target < {TARGET_S:.0f} s)")
    print(f"same without the search trigger: {no_trigger:.1f} s; the trigger's share "
          f"{share:.0%} ({(create - no_trigger) / words * 1e6:.0f} µs per word)")
    print(f"second import of the same file (all unchanged): {again:.1f} s = "
          f"{ROWS / again:.0f} rows/s")
    met = create < TARGET_S
    print("targets met" if met else "TARGETS MISSED")
    return met


def _text(rng, count):
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _write(path, gminy):
    rng = random.Random(SEED)
    facts = sorted({field.key for tool in TOOLS for field in stored_fields(tool["slug"])})
    header = ["id_zewnetrzne", "teryt", "narzedzie", "rok", "tytul", "streszczenie", "opis",
              "organizator", "zrodlo", *facts]
    words = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        for number in range(ROWS):
            tool = TOOLS[number % len(TOOLS)]
            own = {field.key for field in stored_fields(tool["slug"])}
            title, summary, description = _text(rng, 6), _text(rng, 20), _text(rng, 80)
            words += 106
            row = [f"bench-{number}", rng.choice(gminy), tool["slug"],
                   rng.randint(2014, 2026), title, summary, description, "Urząd Gminy",
                   f"https://bip.example.pl/{number}"]
            # Whole-number facts of the row's tool; election_votes needs a recall type.
            row += [EXAMPLE_FACTS[key] if key in own and key != "election_votes" and isinstance(
                EXAMPLE_FACTS.get(key), int) else "" for key in facts]
            writer.writerow(row)
    return words


def _timed(path, *, disable_trigger=False, twice=False):
    started = 0.0
    try:
        with transaction.atomic():
            if disable_trigger:
                with connection.cursor() as cursor:
                    cursor.execute("ALTER TABLE practices_practice DISABLE TRIGGER "
                                   "practices_practice_search_vector")
            if twice:
                import_spreadsheet(path, source="bench")
            started = time.monotonic()
            report = import_spreadsheet(path, source="bench")
            seconds = time.monotonic() - started
            assert report.rows == ROWS, report
            raise _Rollback
    except _Rollback:
        pass
    return seconds
