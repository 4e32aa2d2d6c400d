"""Import of eligible voters per gmina: the denominator of every per-capita figure.

The input is a CSV file with a header row and the columns `teryt,name,eligible_voters`
(UTF-8, with or without a byte-order mark; other columns are ignored), such as
../shared/geodata/wyborcy_2025.csv from the State Electoral Commission (PKW).

Policies:
- The whole file is read and checked before anything is written. A missing column, a
  malformed or non-gmina TERYT code, an empty name, a count that is not a whole number from 1
  to MAX_VOTERS, or a code given twice stops the import with every problem listed by line,
  column and reason, and the database untouched.
- Codes that are valid but not in the register are reported as unknown (a warning, with
  their line and name) and skipped: the register may cover fewer gminy than the file.
- Each gmina keeps one count, with the year of the election it comes from and its source;
  an import replaces them. Gminy are reported as created (no count before), updated (count,
  year or source changed) or unchanged, so re-importing a file reports everything unchanged.
  Gminy of the register that the file lacks keep what they had and are reported.
- The write is one transaction, serialised against boundary imports; `updated_at` changes
  on written rows, so the API's data version (practices.caching) sees the change.
- dry_run does all of it, then rolls back.
"""
import csv
import re
import time
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from geodata import teryt
from geodata.errors import PROBLEMS_SHOWN
from geodata.importers import IMPORT_LOCK, Change
from geodata.models import Municipality

COLUMNS = ("teryt", "name", "eligible_voters")
# Warsaw, the largest gmina, has about 1.4 million voters; PositiveIntegerField holds 2**31 - 1.
MAX_VOTERS = 2_147_483_647
MIN_YEAR = 1990
SOURCE_MAX_LENGTH = 200
DEFAULT_YEAR = 2025
DEFAULT_SOURCE = "PKW: wybory Prezydenta RP 2025, I tura (liczba wyborców uprawnionych)"
BATCH = 500
_DIGITS = re.compile(r"[0-9]+")


class VotersImportError(Exception):
    """The file or the options are refused; the message says what to fix. Nothing was
    written. `problems` lists every bad row (empty for a problem with the whole file)."""

    def __init__(self, message, problems=()):
        self.problems = list(problems)
        super().__init__(message)


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str
    message: str

    def __str__(self):
        return _("line %(line)d, column %(column)s: %(message)s") % {
            "line": self.line, "column": self.column, "message": self.message}


@dataclass(frozen=True)
class Row:
    line: int
    teryt: str
    name: str
    eligible_voters: int


@dataclass
class VotersReport:
    source_file: str
    year: int
    source: str
    dry_run: bool = False
    rows: int = 0
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    unknown: list = field(default_factory=list)  # Rows whose code is not in the register
    not_in_file: list = field(default_factory=list)  # Changes: register gminy the file lacks
    seconds: float = 0.0


def import_voters(path, *, year=DEFAULT_YEAR, source=DEFAULT_SOURCE, dry_run=False):
    """Import the eligible voters of FILE and return a VotersReport; raise
    VotersImportError, with nothing written, when the file or the options are refused."""
    started = time.monotonic()
    year, source = _check_options(year, source)
    rows = read_voters(path)
    report = VotersReport(source_file=str(path), year=year, source=source, dry_run=dry_run,
                          rows=len(rows))
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
        _write(rows, year, source, report)
        if dry_run:
            transaction.set_rollback(True)
    report.seconds = time.monotonic() - started
    return report


def _check_options(year, source):
    last = timezone.localdate().year
    if not isinstance(year, int) or not MIN_YEAR <= year <= last:
        raise VotersImportError(_(
            "--year %(year)s: give the year of the election the counts come from, "
            "%(first)d to %(last)d.") % {"year": year, "first": MIN_YEAR, "last": last})
    source = " ".join(str(source or "").split())
    if not source or len(source) > SOURCE_MAX_LENGTH:
        raise VotersImportError(_(
            "--source: name where the counts come from, in at most %(max)d characters."
        ) % {"max": SOURCE_MAX_LENGTH})
    return year, source


def read_voters(path):
    """The rows of the file, checked; VotersImportError listing every problem otherwise."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return _check_rows(path, csv.DictReader(handle))
    except FileNotFoundError:
        raise VotersImportError(_("%(file)s: no such file.") % {"file": path}) from None
    except IsADirectoryError:
        raise VotersImportError(_("%(file)s is a directory: give a CSV file.")
                                % {"file": path}) from None
    except UnicodeDecodeError as error:
        raise VotersImportError(_(
            "%(file)s is not UTF-8 text (byte %(position)d): save it as UTF-8 CSV."
        ) % {"file": path, "position": error.start}) from None
    except csv.Error as error:
        raise VotersImportError(_("%(file)s is not a readable CSV file: %(error)s.")
                                % {"file": path, "error": error}) from None


def _check_rows(path, reader):
    header = [(name or "").strip() for name in (reader.fieldnames or [])]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise VotersImportError(_(
            "%(file)s: the header row lacks the column(s) %(missing)s; it must have "
            "%(columns)s (found: %(found)s)."
        ) % {"file": path, "missing": ", ".join(missing), "columns": ",".join(COLUMNS),
             "found": ",".join(header) or "-"})
    reader.fieldnames = header
    rows, problems, seen = [], [], {}
    for record in reader:
        line = reader.line_num
        if not any((value or "").strip() for key, value in record.items() if key):
            continue  # a blank line
        row, row_problems = _check_row(line, record, seen)
        problems += row_problems
        if row is not None:
            rows.append(row)
    if problems:
        lines = [ngettext("%(file)s: %(count)d problem; nothing was written.",
                          "%(file)s: %(count)d problems; nothing was written.", len(problems))
                 % {"file": path, "count": len(problems)}]
        lines += [f"  {problem}" for problem in problems[:PROBLEMS_SHOWN]]
        if len(problems) > PROBLEMS_SHOWN:
            lines.append("  " + _("… and %(count)d more.")
                         % {"count": len(problems) - PROBLEMS_SHOWN})
        raise VotersImportError("\n".join(lines), problems)
    if not rows:
        raise VotersImportError(_("%(file)s has no data rows under its header.")
                                % {"file": path})
    return rows


def _check_row(line, record, seen):
    problems = []
    if None in record:  # more cells than header columns
        problems.append(RowProblem(line, "-", _(
            "the row has more cells than the header has columns")))
    raw_code = (record.get("teryt") or "").strip()
    code = None
    try:
        code = teryt.parse_gmina(raw_code).code
    except teryt.TerytError as error:
        problems.append(RowProblem(line, "teryt", str(error)))
    if code is not None and code in seen:
        problems.append(RowProblem(line, "teryt", _(
            "%(code)s is given twice: line %(first)d has it too") % {
            "code": code, "first": seen[code]}))
    elif code is not None:
        seen[code] = line
    name = " ".join((record.get("name") or "").split())
    if not name:
        problems.append(RowProblem(line, "name", _("the name is empty")))
    raw_count = (record.get("eligible_voters") or "").strip()
    count = int(raw_count) if _DIGITS.fullmatch(raw_count) else None
    if count is None or not 1 <= count <= MAX_VOTERS:
        problems.append(RowProblem(line, "eligible_voters", _(
            "%(value)s is not a whole number from 1 to %(max)d (digits only)") % {
            "value": repr(raw_count), "max": MAX_VOTERS}))
    if problems:
        return None, problems
    return Row(line, code, name, count), []


def _write(rows, year, source, report):
    now = timezone.now()
    existing = Municipality.objects.only(
        "teryt", "name", "eligible_voters", "eligible_voters_year", "eligible_voters_source"
    ).in_bulk([row.teryt for row in rows])
    changed = []
    for row in rows:
        gmina = existing.get(row.teryt)
        if gmina is None:
            report.unknown.append(row)
            continue
        before = (gmina.eligible_voters, gmina.eligible_voters_year, gmina.eligible_voters_source)
        after = (row.eligible_voters, year, source)
        if before == after:
            report.unchanged.append(Change(row.teryt, gmina.name))
            continue
        if gmina.eligible_voters is None:
            report.created.append(Change(row.teryt, gmina.name, str(row.eligible_voters)))
        else:
            report.updated.append(Change(row.teryt, gmina.name, _(
                "%(before)s (%(year)s) → %(after)s") % {
                "before": gmina.eligible_voters, "year": gmina.eligible_voters_year or "?",
                "after": row.eligible_voters}))
        gmina.eligible_voters, gmina.eligible_voters_year, gmina.eligible_voters_source = after
        gmina.updated_at = now
        changed.append(gmina)
    Municipality.objects.bulk_update(
        changed,
        ["eligible_voters", "eligible_voters_year", "eligible_voters_source", "updated_at"],
        batch_size=BATCH,
    )
    in_file = {row.teryt for row in rows}
    report.not_in_file = [
        Change(code, name) for code, name in
        Municipality.objects.exclude(teryt__in=in_file).order_by("teryt")
        .values_list("teryt", "name")
    ]
