"""Reading a Pabulib .pb file (pabulib.org/format): UTF-8 text in three `;`-separated
sections, META (key;value), PROJECTS and VOTES, each starting with its name on a line of its
own and then a header row.

Policy: a malformed file is refused with every problem's section and line: a missing,
repeated or out-of-order section, a row with the wrong number of cells, a missing required key
or column, a number or date that does not parse, counts that disagree with the rows. Votes are
counted, not kept.
"""
import csv
import datetime
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from practices.imports.errors import ImportRefused, Problem

SECTIONS = ("META", "PROJECTS", "VOTES")
REQUIRED_META = ("country", "unit", "instance", "budget", "num_votes")
REQUIRED_COLUMNS = {"PROJECTS": ("project_id", "cost"), "VOTES": ("voter_id", "vote")}
MAX_AMOUNT = Decimal("1000000000000")
MAX_COUNT = 2_000_000_000
YEAR = re.compile(r"(?<![0-9])(19[9][0-9]|20[0-9]{2}|2100)(?![0-9])")


@dataclass
class PbProject:
    line: int
    project_id: str
    name: str
    cost: Decimal
    votes: int | None
    score: Decimal | None
    selected: bool | None


@dataclass
class PbFile:
    name: str
    meta: dict
    meta_lines: dict
    year: int = 0
    budget: Decimal = Decimal(0)
    voters: int = 0
    date_begin: datetime.date | None = None
    date_end: datetime.date | None = None
    projects: list = field(default_factory=list)
    votes: int = 0

    @property
    def unit(self):
        return self.meta.get("unit", "")

    @property
    def subunit(self):
        return self.meta.get("subunit") or self.meta.get("district") or ""

    @property
    def licence(self):
        return self.meta.get("licence") or self.meta.get("license") or ""


class _Problems(list):
    def add(self, section, line, column, message):
        self.append(Problem(f"{line} ({section})", column, message))


def parse(name, data):
    """The PbFile of `data` (bytes), or ImportRefused listing every problem."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(_("%(file)s is not UTF-8 text, as Pabulib files are.")
                            % {"file": name}) from None
    if "\x00" in text:
        raise ImportRefused(_("%(file)s is not a text file (it contains NUL bytes).")
                            % {"file": name})
    # Some files spell Polish letters decomposed ("z" + combining dot): store them composed.
    text = unicodedata.normalize("NFC", text)
    problems = _Problems()
    sections = _split(text, problems)
    missing = [section for section in SECTIONS if section not in sections]
    for section in missing:
        problems.add(section, "-", "", _("the section %(section)s is missing") % {
            "section": section})
    if missing or problems:
        raise ImportRefused(_("%(file)s is not a valid Pabulib file; nothing was imported.")
                            % {"file": name}, problems)
    pb = _meta(name, sections["META"], problems)
    _projects(pb, sections["PROJECTS"], problems)
    _votes(pb, sections["VOTES"], problems)
    if problems:
        raise ImportRefused(_("%(file)s is not a valid Pabulib file; nothing was imported.")
                            % {"file": name}, problems)
    return pb


def _split(text, problems):
    """{section: [(line number, cells), ...]} with the header row first."""
    sections, current = {}, None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    try:
        for cells in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in cells]
            if not any(cells):
                continue
            marker = cells[0].upper() if len(cells) == 1 or not any(cells[1:]) else ""
            if marker in SECTIONS:
                if marker in sections:
                    problems.add(marker, line, "", _("the section appears twice"))
                elif any(later in sections for later in SECTIONS[SECTIONS.index(marker):]):
                    problems.add(marker, line, "", _("the sections must come in the order "
                                                     "META, PROJECTS, VOTES"))
                sections.setdefault(marker, [])
                current = marker
                continue
            if current is None:
                problems.add("-", line, "", _("text before the META section"))
                return sections
            sections[current].append((line, cells))
    except csv.Error as error:
        problems.add(current or "-", reader.line_num, "", _("not valid CSV (%(error)s)")
                     % {"error": error})
    return sections


def _table(section, rows, problems):
    """(header, [(line, {column: value})]) of a section, with malformed rows reported."""
    if not rows:
        problems.add(section, "-", "", _("the section has no header row"))
        return [], []
    header_line, header = rows[0]
    header = [cell.lower() for cell in header]
    for column in REQUIRED_COLUMNS.get(section, ()):
        if column not in header:
            problems.add(section, header_line, column, _("required column missing"))
    records = []
    for line, cells in rows[1:]:
        if len(cells) != len(header):
            problems.add(section, line, "", _("%(found)d cells where the header has "
                                              "%(expected)d") % {
                                                  "found": len(cells), "expected": len(header)})
            continue
        records.append((line, dict(zip(header, cells, strict=True))))
    return header, records


def _number(section, line, column, value, problems, *, whole=False, maximum=MAX_AMOUNT):
    try:
        number = Decimal(value.replace(",", "."))
        if not number.is_finite() or not 0 <= number <= maximum:
            raise InvalidOperation
        if whole and number != number.to_integral_value():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        problems.add(section, line, column, _("%(value)s is not a number from 0 to %(max)s")
                     % {"value": repr(value), "max": maximum})
        return None
    return int(number) if whole else number


def _date(line, column, value, problems):
    try:
        day, month, year = (int(part) for part in re.fullmatch(
            r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})", value).groups())
        return datetime.date(year, month, day)
    except (AttributeError, ValueError):
        problems.add("META", line, column, _("%(value)s is not a date DD.MM.YYYY")
                     % {"value": repr(value)})
        return None


def _meta(name, rows, problems):
    header, records = _table("META", rows, problems)
    if header and header[:2] != ["key", "value"]:
        problems.add("META", rows[0][0], "", _("the header must be key;value"))
    meta, lines = {}, {}
    for line, record in records:
        meta_key = record.get("key", "").lower()
        if meta_key in meta:
            problems.add("META", line, meta_key, _("the key appears twice"))
        meta[meta_key], lines[meta_key] = record.get("value", ""), line
    pb = PbFile(name=name, meta=meta, meta_lines=lines)
    for meta_key in REQUIRED_META:
        if not meta.get(meta_key):
            problems.add("META", "-", meta_key, _("required key missing"))
    if meta.get("country") and meta["country"].casefold() not in ("poland", "polska"):
        problems.add("META", lines["country"], "country", _(
            "%(country)s: only Polish budgets can be imported") % {"country": meta["country"]})
    if meta.get("currency") and meta["currency"].upper() != "PLN":
        problems.add("META", lines["currency"], "currency", _("amounts must be in PLN"))
    if meta.get("instance"):
        found = YEAR.search(meta["instance"])
        if found:
            pb.year = int(found.group(1))
        else:
            problems.add("META", lines["instance"], "instance", _(
                "%(value)s names no year from 1990 to 2100") % {"value": repr(meta["instance"])})
    if meta.get("budget"):
        pb.budget = _number("META", lines["budget"], "budget", meta["budget"], problems)
    if meta.get("num_votes"):
        pb.voters = _number("META", lines["num_votes"], "num_votes", meta["num_votes"],
                            problems, whole=True, maximum=MAX_COUNT)
    for meta_key in ("date_begin", "date_end"):
        if meta.get(meta_key):
            setattr(pb, meta_key, _date(lines[meta_key], meta_key, meta[meta_key], problems))
    if pb.date_begin and pb.date_end and pb.date_end < pb.date_begin:
        problems.add("META", lines["date_end"], "date_end", _("before date_begin"))
    return pb


def _projects(pb, rows, problems):
    _header, records = _table("PROJECTS", rows, problems)
    seen = set()
    for line, record in records:
        project_id = record.get("project_id", "")
        if not project_id or project_id in seen:
            problems.add("PROJECTS", line, "project_id", _("empty or repeated"))
            continue
        seen.add(project_id)
        cost = _number("PROJECTS", line, "cost", record.get("cost", ""), problems)
        votes = score = selected = None
        if record.get("votes"):
            votes = _number("PROJECTS", line, "votes", record["votes"], problems, whole=True,
                            maximum=MAX_COUNT)
        if record.get("score"):
            score = _number("PROJECTS", line, "score", record["score"], problems)
        if record.get("selected"):
            if record["selected"] not in ("0", "1", "2", "3"):
                problems.add("PROJECTS", line, "selected", _("use 0 or 1"))
            selected = record["selected"] != "0"
        pb.projects.append(PbProject(line, project_id, record.get("name", "")[:500], cost,
                                     votes, score, selected))
    declared = pb.meta.get("num_projects")
    if declared and declared != str(len(seen)) and not problems:
        problems.add("META", pb.meta_lines["num_projects"], "num_projects", _(
            "%(declared)s, but PROJECTS lists %(found)d") % {
                "declared": declared, "found": len(seen)})


def _votes(pb, rows, problems):
    _header, records = _table("VOTES", rows, problems)
    pb.votes = len(records)
    if pb.voters is not None and pb.voters != pb.votes and not problems:
        problems.add("META", pb.meta_lines.get("num_votes", "-"), "num_votes", _(
            "%(declared)d, but VOTES lists %(found)d") % {
                "declared": pb.voters, "found": pb.votes})
