"""Sample cases for the demo: plausible, clearly marked, reproducible.

Policy:
- Every sample is published, flagged `is_sample`, its summary starts with "[Przykład]" and its
  description says it is made up; its slug starts with "przyklad-" so that it never takes the
  natural slug of a real case.
- Generation is deterministic: a fixed seed and the gminy sorted by TERYT. Running the load
  again changes nothing (no row is written when nothing differs); samples that the current
  gminy no longer produce are removed.
- Only samples are ever updated or deleted: a real case with a sample's slug is left alone
  and reported.
- Every tool appears in every year 2014-2026; facts are validated like any other case's.
"""
import datetime
import random
from dataclasses import dataclass, field

from django.contrib.gis.geos import Point
from django.db import transaction

from practices import moderation
from practices.demo import texts
from practices.domain.slugs import ascii_slug
from practices.domain.tools import TOOLS
from practices.models import ParticipationTool, Practice, Status

SEED = 2014
YEARS = range(2014, 2027)
TOTAL = 260
# Extra cases beyond one per tool and year, weighted like real life: budgets, consultations
# and village funds are far more common than referendums and panels.
EXTRA_WEIGHTS = {
    "budzet-obywatelski": 30, "konsultacje": 30, "fundusz-solecki": 20, "inicjatywa-lokalna": 8,
    "mlodziezowa-rada": 6, "rada-seniorow": 6, "inicjatywa-uchwalodawcza": 5, "referendum": 4,
    "panel-obywatelski": 3, "inne": 8,
}
SYNCED_FIELDS = (
    "title", "tool_id", "municipality_id", "year", "end_year", "start_date", "end_date",
    "summary", "description", "organiser", "organiser_type", "participants", "outcome",
    "lessons", "facts", "is_sample",
)
# The source named in the moderation events of the samples (practices.moderation).
SOURCE = "demo samples"


class SampleError(Exception):
    """The database is not ready for samples; the message says what to run."""


@dataclass
class SampleReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list = field(default_factory=list)  # slugs held by real cases

    @property
    def total(self):
        return self.created + self.updated + self.unchanged


def eligible(tool_slug, gmina):
    """Village funds exist only where there are sołectwa (rural and urban-rural gminy);
    participatory budgets mostly in towns."""
    if tool_slug == "fundusz-solecki":
        return gmina.type in ("2", "3")
    if tool_slug == "budzet-obywatelski":
        return gmina.type in ("1", "3")
    return True


def plan(rng, gminy):
    """The (tool slug, year, gmina) of every sample, no combination twice."""
    slugs = [tool["slug"] for tool in TOOLS]
    wanted = [(slug, year) for slug in slugs for year in YEARS]
    extra_tools = rng.choices(
        list(EXTRA_WEIGHTS), weights=list(EXTRA_WEIGHTS.values()), k=TOTAL - len(wanted)
    )
    wanted += [(slug, rng.choice(YEARS)) for slug in extra_tools]
    used, plan = set(), []
    for slug, year in wanted:
        candidates = [g for g in gminy if eligible(slug, g)] or gminy
        for _attempt in range(20):
            gmina = rng.choice(candidates)
            if (slug, year, gmina.teryt) not in used:
                break
        else:
            continue
        used.add((slug, year, gmina.teryt))
        plan.append((slug, year, gmina))
    return plan


def random_location(rng, gmina):
    """A point inside the gmina (rejection sampling in its extent), else its own point."""
    xmin, ymin, xmax, ymax = gmina.boundary.extent
    prepared = gmina.boundary.prepared
    for _attempt in range(30):
        point = Point(
            round(rng.uniform(xmin, xmax), 6), round(rng.uniform(ymin, ymax), 6), srid=4326
        )
        if prepared.contains(point):
            return point
    return gmina.point


def build(rng, tool_slug, year, gmina):
    """The unsaved sample case of one plan entry (facts not yet cleaned)."""
    content = texts.BUILDERS[tool_slug](rng, year, gmina)
    start = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(0, 300))
    return {
        "title": content["title"],
        "year": year,
        "end_year": content.get("end_year"),
        "start_date": content.get("start_date", start),
        "end_date": content.get("end_date"),
        "summary": f"[Przykład] {content['summary']}"[:500],
        "description": f"{content['description']}\n\n{texts.SAMPLE_NOTE}",
        "organiser": content["organiser"],
        "organiser_type": content["organiser_type"],
        "participants": content.get("participants"),
        "outcome": content.get("outcome", ""),
        "lessons": content.get("lessons", ""),
        "facts": content["facts"],
        "location": random_location(rng, gmina),
    }


def generate(gminy):
    """Every sample as (slug, field values), deterministic for a given set of gminy."""
    # A seeded generator on purpose: the same invented samples on every run, no secret.
    rng = random.Random(SEED)  # nosec B311
    gminy = sorted(gminy, key=lambda g: g.teryt)
    samples, seen = [], set()
    for tool_slug, year, gmina in plan(rng, gminy):
        values = build(rng, tool_slug, year, gmina)
        slug = f"przyklad-{ascii_slug(values['title'])}"[:200]
        if slug in seen:
            slug = f"{slug}-{gmina.teryt}"
        seen.add(slug)
        samples.append((slug, {**values, "tool_slug": tool_slug, "municipality": gmina}))
    return samples


def _differs(existing, candidate):
    if existing.status != Status.PUBLISHED:
        return True
    for name in SYNCED_FIELDS:
        if getattr(existing, name) != getattr(candidate, name):
            return True
    if existing.location is None:
        return True
    return not existing.location.equals_exact(candidate.location, 1e-7)


def load_samples(voivodeships):
    """Create or update the samples in the gminy of `voivodeships` (2-digit TERYT codes), in
    one transaction; returns a SampleReport. Raises SampleError when there are no such gminy
    or the tools are missing."""
    from geodata.models import Municipality

    gminy = list(Municipality.objects.filter(voivodeship_id__in=voivodeships))
    if not gminy:
        raise SampleError(
            f"No gminy of voivodeship(s) {', '.join(voivodeships)} are in the database: run "
            "`manage.py import_boundaries` first (`make boundaries`)."
        )
    tools = {tool.slug: tool for tool in ParticipationTool.objects.all()}
    missing = [tool["slug"] for tool in TOOLS if tool["slug"] not in tools]
    if missing:
        raise SampleError(
            f"Participation tools missing from the database ({', '.join(missing)}): run "
            "`manage.py migrate`."
        )
    report = SampleReport()
    with transaction.atomic():
        existing = {p.slug: p for p in Practice.objects.filter(slug__startswith="przyklad-")}
        wanted = set()
        for slug, values in generate(gminy):
            wanted.add(slug)
            tool = tools[values.pop("tool_slug")]
            candidate = Practice(slug=slug, tool=tool, is_sample=True, **values)
            candidate.full_clean(validate_unique=False)
            current = existing.get(slug)
            if current is None:
                moderation.record_import(candidate, source=SOURCE, status=Status.PUBLISHED)
                report.created += 1
            elif not current.is_sample:
                report.skipped.append(slug)
            elif _differs(current, candidate):
                for name in (*SYNCED_FIELDS, "location"):
                    setattr(current, name, getattr(candidate, name))
                moderation.record_import(current, source=SOURCE, status=Status.PUBLISHED)
                report.updated += 1
            else:
                report.unchanged += 1
        stale = [p.pk for slug, p in existing.items() if p.is_sample and slug not in wanted]
        if stale:
            deleted = Practice.objects.filter(pk__in=stale).delete()[1]
            report.removed = deleted.get("practices.Practice", 0)
    return report


def delete_samples():
    """Delete every sample case (is_sample), nothing else; returns how many."""
    return Practice.objects.filter(is_sample=True).delete()[1].get("practices.Practice", 0)
