"""The spreadsheet import: cases from CSV or XLSX (see practices.imports.columns).

Policies:
- Every row of every sheet is checked before anything is written: columns, the gmina (by
  TERYT, or by name and voivodeship; see practices.imports.register), the tool (slug or
  name), the year, the texts, the source address and the tool's facts (validated by
  practices.domain.facts.validate_facts, as in the admin and the API). One bad row refuses the
  whole file, every problem listed with its line, column and reason.
- Sheets whose header names none of our columns (the template's explanations) are skipped.
- Rows are upserted by (source label, external id): new ones are created with the requested
  status; existing ones are updated when a value differs, their status left as it is (a
  moderator may have changed it since), and reported as unchanged otherwise.
- The column `zrodlo` is the case's first source link; the import keeps it in step.
- Writes are batched (bulk_create, bulk_update); the search vector is filled by the database
  trigger. One transaction, serialised against other imports; a dry run rolls it back.
"""
import re
import time
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from geodata.models import Municipality
from practices import moderation
from practices.domain import slugs
from practices.domain.fact_schemas import SCHEMAS, Kind
from practices.domain.facts import validate_facts
from practices.domain.tools import TOOLS
from practices.imports.columns import BY_KEY, map_header
from practices.imports.errors import ImportRefused, Problem
from practices.imports.register import NotFound, Register, key
from practices.imports.tables import read_tables
from practices.models import (
    HTML_TAG,
    MAX_YEAR,
    MIN_YEAR,
    ParticipationTool,
    Practice,
    PracticeLink,
    Status,
)

IMPORT_LOCK = 2_061_012  # advisory lock key: one import of cases at a time
BATCH = 1000
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_LENGTHS = {"external_id": 100, "title": 200, "summary": 500, "organiser": 200,
               "description": 20000, "source_url": 500}
IMPORT_STATUSES = (Status.PUBLISHED, Status.SUBMITTED)
SOURCE_MAX_LENGTH = 100
COMPARED = ("title", "tool_id", "municipality_id", "year", "summary", "description",
            "organiser", "facts")
_URL = URLValidator(schemes=["http", "https"])


@dataclass
class Row:
    place: str
    external_id: str
    teryt: str
    tool_slug: str
    year: int
    title: str
    summary: str
    description: str
    organiser: str
    source_url: str
    facts: dict


@dataclass
class SpreadsheetReport:
    file: str
    source: str
    status: str
    dry_run: bool = False
    formats: list = field(default_factory=list)  # (table name, encoding, delimiter)
    skipped_sheets: list = field(default_factory=list)
    created: list = field(default_factory=list)  # (place, external id)
    updated: list = field(default_factory=list)  # (place, external id, changed fields)
    unchanged: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rows(self):
        return len(self.created) + len(self.updated) + len(self.unchanged)


def _tool_names():
    names = {}
    for tool in TOOLS:
        for name in (tool["slug"], tool["name_pl"], tool["name_en"]):
            names[key(name)] = tool["slug"]
    return names


def import_spreadsheet(path, *, source, status=Status.SUBMITTED, encoding=None,
                       delimiter=None, dry_run=False):
    """Import the cases of the CSV or XLSX file at `path` under the label `source`; returns a
    SpreadsheetReport, or raises ImportRefused with nothing written."""
    started = time.monotonic()
    source = (source or "").strip()
    if not source or len(source) > SOURCE_MAX_LENGTH or CONTROL.search(source):
        raise ImportRefused(_("--source: give a label of the file's origin of at most "
                              "%(max)d characters, e.g. siec-2026.") % {"max": SOURCE_MAX_LENGTH})
    if status not in IMPORT_STATUSES:
        raise ImportRefused(_("--status: use published or submitted."))
    tables = read_tables(path, encoding=encoding, delimiter=delimiter)
    report = SpreadsheetReport(file=str(path), source=source, status=status, dry_run=dry_run)
    register = Register()
    if not len(register):
        raise ImportRefused(_("The register of gminy is empty: import the boundaries first "
                              "(make boundaries)."))
    rows, problems = check_tables(tables, register, report)
    if problems:
        raise ImportRefused(_("%(file)s: %(count)d problems; nothing was imported.") % {
            "file": path, "count": len(problems)}, problems)
    if not rows:
        raise ImportRefused(_("%(file)s has no rows to import under its header.")
                            % {"file": path})
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
            write(rows, source, status, report)
            if dry_run:
                transaction.set_rollback(True)
    except IntegrityError as error:
        raise ImportRefused(_("The database refused the import (%(error)s); nothing was "
                              "written. Run it again.") % {"error": error}) from None
    report.seconds = time.monotonic() - started
    return report


def check_tables(tables, register, report):
    """(rows, problems) of every table."""
    tools = _tool_names()
    rows, problems, first_place = [], [], {}
    for table in tables:
        mapping, unknown, duplicates = map_header(table.header)
        if not mapping:
            report.skipped_sheets.append(table.name)
            continue
        report.formats.append((table.name, table.encoding, table.delimiter))
        header_place = table.header_place
        for text in unknown:
            problems.append(Problem(header_place, text, _(
                "unknown column; use the columns of the template (manage.py import_practices "
                "--template) or a fact of a tool")))
        for text in duplicates:
            problems.append(Problem(header_place, text, _("the column appears twice")))
        missing = [column.polish for column in BY_KEY.values()
                   if column.required and column.key not in mapping.values()]
        if missing:
            problems.append(Problem(header_place, ", ".join(missing), _(
                "required column missing")))
        if unknown or duplicates or missing:
            continue
        for place, cells in table.rows:
            values = {name: (cells[index].strip() if index < len(cells) else "")
                      for index, name in mapping.items()}
            row, row_problems = check_row(place, values, register, tools)
            problems += row_problems
            if row is None:
                continue
            if row.external_id in first_place:
                problems.append(Problem(place, BY_KEY["external_id"].polish, _(
                    "%(id)s appears already at line %(first)s") % {
                        "id": row.external_id, "first": first_place[row.external_id]}))
                continue
            first_place[row.external_id] = place
            rows.append(row)
    return rows, problems


def check_row(place, values, register, tools):
    """(Row or None, problems) of one row; `values` maps column keys and "fact:<key>" to
    the cells' text."""
    problems = []

    def problem(column_key, message):
        column = BY_KEY[column_key].polish if column_key in BY_KEY else column_key
        problems.append(Problem(place, column, message))

    for name, value in values.items():
        if CONTROL.search(value):
            problem(name.removeprefix("fact:"), _("control characters are not allowed"))
    if problems:
        return None, problems
    for name, limit in MAX_LENGTHS.items():
        if len(values.get(name, "")) > limit:
            problem(name, _("at most %(max)d characters") % {"max": limit})
    for name in ("external_id", "tool", "year", "title"):
        if not values.get(name):
            problem(name, _("required: the cell is empty"))
    tool_slug = tools.get(key(values.get("tool", ""))) if values.get("tool") else None
    if values.get("tool") and tool_slug is None:
        problem("tool", _("unknown tool %(value)s; use one of %(allowed)s") % {
            "value": repr(values["tool"]), "allowed": ", ".join(t["slug"] for t in TOOLS)})
    year = values.get("year", "")
    if year and not (re.fullmatch(r"[0-9]{4}", year) and MIN_YEAR <= int(year) <= MAX_YEAR):
        problem("year", _("enter a year from %(min)d to %(max)d") % {
            "min": MIN_YEAR, "max": MAX_YEAR})
    if values.get("summary") and HTML_TAG.search(values["summary"]):
        problem("summary", _("plain text only: remove the HTML tags"))
    if values.get("source_url"):
        try:
            _URL(values["source_url"])
        except ValidationError:
            problem("source_url", _("enter a full http:// or https:// address"))
    gmina = None
    try:
        gmina = register.find(values.get("teryt", ""), values.get("gmina", ""),
                              values.get("voivodeship", ""))
    except NotFound as error:
        problem("teryt" if values.get("teryt") else "gmina", str(error))
    facts = {name.removeprefix("fact:"): value for name, value in values.items()
             if name.startswith("fact:") and value}
    if tool_slug:
        for fact in SCHEMAS[tool_slug].fields:
            if fact.kind == Kind.CHOICES and fact.key in facts:
                facts[fact.key] = [item.strip() for item in re.split(r"[,;]", facts[fact.key])
                                   if item.strip()]
        try:
            facts = validate_facts(tool_slug, facts)
        except ValidationError as error:
            for fact, errors in error.error_dict.items():
                for message in ValidationError(errors).messages:
                    problem(fact, message)
    if problems:
        return None, problems
    return Row(place, values["external_id"], gmina.teryt, tool_slug, int(year),
               values["title"], values.get("summary", ""), values.get("description", ""),
               values.get("organiser", ""), values.get("source_url", ""), facts), []


def write(rows, source, status, report):
    tools = dict(ParticipationTool.objects.values_list("slug", "pk"))
    existing = {}
    ids = [row.external_id for row in rows]
    for start in range(0, len(ids), BATCH):
        for practice in Practice.objects.filter(
            import_source=source, external_id__in=ids[start:start + BATCH]
        ).defer("search_vector"):
            existing[practice.external_id] = practice
    links = {}
    for link in PracticeLink.objects.filter(
        practice__in=[p.pk for p in existing.values()], kind=PracticeLink.Kind.SOURCE,
        position=0,
    ):
        links[link.practice_id] = link
    places = {}
    gminy = {row.teryt for row in rows}
    for teryt, name, point in Municipality.objects.filter(teryt__in=gminy).values_list(
            "teryt", "name", "point"):
        places[teryt] = (name, point)
    taken = set(Practice.objects.values_list("slug", flat=True))
    now = timezone.now()
    to_create, to_update, changed_fields, new_links = [], [], set(), []
    for row in rows:
        values = {"title": row.title, "tool_id": tools[row.tool_slug],
                  "municipality_id": row.teryt, "year": row.year, "summary": row.summary,
                  "description": row.description, "organiser": row.organiser,
                  "facts": row.facts}
        practice = existing.get(row.external_id)
        if practice is None:
            name, point = places[row.teryt]
            slug = slugs.unique_slug(slugs.base_slug(row.title, name, row.year),
                                     taken.__contains__)
            taken.add(slug)
            practice = Practice(slug=slug, external_id=row.external_id,
                                import_source=source, location=point, created_at=now,
                                updated_at=now, **values)
            to_create.append((practice, row.source_url))
            report.created.append((row.place, row.external_id))
            continue
        diff = [name for name in COMPARED if getattr(practice, name) != values[name]]
        link = links.get(practice.pk)
        if (link.url if link else "") != row.source_url:
            diff.append("source_url")
            if link:
                link.delete()
            if row.source_url:
                new_links.append(PracticeLink(practice=practice, url=row.source_url))
        if not diff:
            report.unchanged.append((row.place, row.external_id))
            continue
        if "municipality_id" in diff:
            practice.location = places[row.teryt][1]
            changed_fields.add("location")
        for name in diff:
            if name != "source_url":
                setattr(practice, name, values[name])
                changed_fields.add(name)
        practice.updated_at = now
        to_update.append(practice)
        report.updated.append((row.place, row.external_id,
                               [name.removesuffix("_id") for name in diff]))
    # New cases get their status, versions and events through the moderation service.
    created = moderation.record_import([p for p, _url in to_create], source=source,
                                       status=status)
    new_links += [PracticeLink(practice=practice, url=url)
                  for practice, (_p, url) in zip(created, to_create, strict=True) if url]
    if to_update:
        bulk_update_with_history(to_update, Practice, sorted(changed_fields | {"updated_at"}),
                                 batch_size=BATCH, default_date=now,
                                 default_change_reason=f"imported: {source}"[:100])
    PracticeLink.objects.bulk_create(new_links, batch_size=BATCH)
