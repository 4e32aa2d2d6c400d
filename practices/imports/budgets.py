"""The Pabulib import: participatory budgets of Polish cities from .pb files.

Policies:
- One budżet obywatelski case per gmina and edition (the year in META `instance`). A city's
  district files of one edition merge into that case: each file is a BudgetPart (its
  `subunit`, else its `district`, else the whole city) keeping its own totals and projects.
- The gmina is the one META `unit` names, the town rather than a rural gmina of the same name
  (practices.imports.register.Register.city); `teryt` overrides it for every file given.
- The case's facts are computed from all its parts: amount_pln = the budgets summed,
  projects_voted = the projects listed, projects_selected = those selected, voters = the
  voters of each district summed (within one district the largest of its pools, since one
  person votes in each of them). Turnout against the gmina's eligible voters is left to the
  facts' computation. The start and end dates span the parts' voting.
- A project is selected when the file says so (`selected` not 0); when the file does not, every
  project of a `fully_funded` file, else the file's greedy rule applied to its scores (or
  votes) and budget; else unknown.
- Idempotent per file: a file whose SHA-256 its part already has changes nothing; a changed
  file replaces its part and projects. Cases are keyed by ("pabulib", "<teryt>-<year>").
- Pabulib is named as the source, one link per file, with the licence the file states.
- Everything is checked before writing; one transaction; the dry run rolls back.
"""
import hashlib
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from geodata.models import Municipality
from practices import moderation
from practices.domain import slugs
from practices.domain.facts import validate_facts
from practices.imports.errors import ImportRefused, Problem
from practices.imports.pabulib import parse
from practices.imports.register import NotFound, Register
from practices.imports.spreadsheet import IMPORT_LOCK
from practices.models import (
    BudgetPart,
    BudgetProject,
    ParticipationTool,
    Practice,
    PracticeLink,
    Status,
)

SOURCE = "pabulib"
TOOL = "budzet-obywatelski"
PABULIB_URL = "https://pabulib.org/"
GREEDY_RULES = ("greedy", "greedy-no-skip")


@dataclass
class PabulibReport:
    dry_run: bool = False
    files: list = field(default_factory=list)  # (file, gmina, year, part, outcome)
    created: list = field(default_factory=list)  # case titles
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class _Input:
    pb: object
    gmina: object
    checksum: str
    selected: list


def import_pabulib(paths, *, teryt=None, status=Status.PUBLISHED, dry_run=False):
    """Import the .pb files at `paths`; returns a PabulibReport or raises ImportRefused with
    nothing written."""
    started = time.monotonic()
    register = Register()
    inputs, problems = [], []
    for path in map(Path, paths):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise ImportRefused(_("%(file)s cannot be read: %(error)s") % {
                "file": path, "error": error.strerror or error}) from None
        pb = parse(path.name, data)
        try:
            gmina = register.find(teryt=teryt) if teryt else register.city(pb.unit)
        except NotFound as error:
            problems.append(Problem(f"{pb.meta_lines.get('unit', '-')} (META)", "unit",
                                    f"{path.name}: {error}"))
            continue
        inputs.append(_Input(pb, gmina, hashlib.sha256(data).hexdigest(), _selected(pb)))
    seen = {}
    for item in inputs:
        part_key = (item.gmina.teryt, item.pb.year, item.pb.subunit)
        if part_key in seen:
            problems.append(Problem("-", "subunit", _(
                "%(file)s and %(other)s are the same part (%(part)s) of one edition") % {
                    "file": item.pb.name, "other": seen[part_key],
                    "part": item.pb.subunit or "-"}))
        seen[part_key] = item.pb.name
    if problems:
        raise ImportRefused(_("Nothing was imported:"), problems)
    report = PabulibReport(dry_run=dry_run)
    cases = {}
    for item in inputs:
        cases.setdefault((item.gmina.teryt, item.pb.year), []).append(item)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
        for (code, year), items in cases.items():
            _write_case(code, year, items, status, report)
        if dry_run:
            transaction.set_rollback(True)
    report.seconds = time.monotonic() - started
    return report


def _selected(pb):
    """Whether each project was selected (see the module's policy), None where unknown."""
    given = [project.selected for project in pb.projects]
    if all(value is not None for value in given):
        return given
    if pb.meta.get("fully_funded") == "1":
        return [True] * len(pb.projects)
    if pb.meta.get("rule") not in GREEDY_RULES:
        return given
    scores = [project.score for project in pb.projects]
    if any(value is None for value in scores):
        scores = [project.votes for project in pb.projects]
    if any(value is None for value in scores):
        return given
    left, chosen = pb.budget, [False] * len(pb.projects)
    order = sorted(range(len(pb.projects)), key=lambda index: -scores[index])
    for index in order:
        if pb.projects[index].cost <= left:
            chosen[index] = True
            left -= pb.projects[index].cost
        elif pb.meta["rule"] == "greedy-no-skip":
            break
    return chosen


def _write_case(code, year, items, status, report):
    gmina = Municipality.objects.only("teryt", "name", "point").get(pk=code)
    practice = Practice.objects.filter(import_source=SOURCE,
                                       external_id=f"{code}-{year}").first()
    created = practice is None
    if created:
        title = _pl_title(gmina.name, year)
        taken = Practice.objects.filter(slug__startswith=slugs.base_slug(title, gmina.name,
                                                                         year)).values_list
        practice = Practice(
            title=title, tool=ParticipationTool.objects.get(slug=TOOL), municipality=gmina,
            year=year, external_id=f"{code}-{year}", import_source=SOURCE,
            location=gmina.point,
            slug=slugs.unique_slug(slugs.base_slug(title, gmina.name, year),
                                   set(taken("slug", flat=True)).__contains__),
        )
        moderation.record_import(practice, source=SOURCE, status=status)
    changed = False
    for item in items:
        outcome = _write_part(practice, item)
        changed |= outcome != "unchanged"
        report.files.append((item.pb.name, str(item.gmina), year, item.pb.subunit, outcome))
    changed |= _refresh(practice)
    if created:
        report.created.append(practice.title)
    elif changed:
        report.updated.append(practice.title)
    else:
        report.unchanged.append(practice.title)


def _pl_title(name, year):
    # Content of the catalogue is Polish, whatever the language of the command.
    return f"Budżet obywatelski – {name}, edycja {year}"


def _write_part(practice, item):
    pb = item.pb
    part = BudgetPart.objects.filter(practice=practice, subunit=pb.subunit).first()
    if part is not None and part.checksum == item.checksum:
        return "unchanged"
    outcome = "created" if part is None else "updated"
    if part is not None:
        part.delete()
    part = BudgetPart.objects.create(
        practice=practice, subunit=pb.subunit, district=pb.meta.get("district", ""),
        budget=pb.budget, voters=pb.voters, vote_type=pb.meta.get("vote_type", "")[:40],
        rule=pb.meta.get("rule", "")[:60], date_begin=pb.date_begin, date_end=pb.date_end,
        file_name=pb.name[:300], licence=pb.licence[:200], checksum=item.checksum,
    )
    BudgetProject.objects.bulk_create([
        BudgetProject(practice=practice, part=part, project_id=project.project_id[:100],
                      name=project.name, cost=project.cost, votes=project.votes,
                      selected=selected, district=(pb.meta.get("district") or pb.subunit)[:200])
        for project, selected in zip(pb.projects, item.selected, strict=True)
    ])
    return outcome


def _refresh(practice):
    """Recompute the case's facts, dates, texts and source links from all its parts; True
    when something changed."""
    parts = list(practice.budget_parts.all())
    projects = list(BudgetProject.objects.filter(practice=practice).values_list("selected",
                                                                                 flat=True))
    by_district = {}
    for part in parts:
        district = part.district or part.subunit
        by_district[district] = max(by_district.get(district, 0), part.voters)
    facts = {
        "amount_pln": sum((part.budget for part in parts), Decimal(0)),
        "projects_voted": len(projects),
        "voters": sum(by_district.values()),
    }
    if projects and all(value is not None for value in projects):
        facts["projects_selected"] = sum(1 for value in projects if value)
    facts = validate_facts(TOOL, {key: str(value) for key, value in facts.items()})
    begins = [part.date_begin for part in parts if part.date_begin]
    ends = [part.date_end for part in parts if part.date_end]
    values = {
        "facts": facts,
        "start_date": min(begins) if begins else None,
        "end_date": max(ends) if ends else None,
        "summary": _summary(parts),
        "description": _description(parts),
    }
    diff = [name for name, value in values.items() if getattr(practice, name) != value]
    for name in diff:
        setattr(practice, name, values[name])
    if diff:
        practice.updated_at = timezone.now()
        practice.save(update_fields=[*diff, "updated_at"])
    wanted = [(PABULIB_URL, _link_label(part)) for part in parts]
    links = practice.links.filter(url=PABULIB_URL)
    if sorted(links.values_list("url", "label")) != sorted(wanted):
        links.delete()
        PracticeLink.objects.bulk_create([
            PracticeLink(practice=practice, url=url, label=label, position=position)
            for position, (url, label) in enumerate(wanted, start=1)])
        diff.append("links")
    return bool(diff)


def _link_label(part):
    licence = part.licence or "licencja nie podana w pliku"
    return f"Pabulib: {part.file_name} ({licence})"[:200]


def _summary(parts):
    names = ", ".join(part.subunit or "całe miasto" for part in parts)
    return (f"Wyniki głosowania w budżecie obywatelskim ({len(parts)} "
            f"{'część' if len(parts) == 1 else 'części'}: {names}) z otwartej biblioteki "
            f"Pabulib.")[:500]


def _description(parts):
    lines = ["Dane o głosowaniu pochodzą z [Pabulib](https://pabulib.org/), otwartej "
             "biblioteki danych o budżetach partycypacyjnych. Projekty i ich wyniki są w "
             "tabeli poniżej.", ""]
    for part in parts:
        lines.append(f"- {part.subunit or 'całe miasto'}: pula {_pln(part.budget)} zł, "
                     f"głosujących {part.voters}, sposób głosowania {part.vote_type or '-'}, "
                     f"reguła wyboru {part.rule or '-'} (plik {part.file_name}).")
    return "\n".join(lines)


def _pln(amount):
    """149000 -> "149 000,00", as Polish texts write amounts."""
    return f"{amount:,.2f}".replace(",", "\u00a0").replace(".", ",")
