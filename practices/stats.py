"""Aggregations for the statistics, tool and gmina pages, and the participation index.

Every count here starts from `Practice.objects.published()`: what the public cannot see is
never counted. Each aggregation is one GROUP BY query; Python only reshapes the (small) result.

The participation index ranks gminy for the network's "most participatory municipality"
contest. The method is documented in docs/participation-index.md and on the statistics page;
the constants below are its parameters.
"""
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from geodata.models import MunicipalityType, Voivodeship
from practices.filters import CaseFilters
from practices.models import ParticipationTool, Practice

# The ranking looks at the last RANKING_WINDOW_YEARS calendar years, the current one included.
RANKING_WINDOW_YEARS = 5
# Editions per 10,000 eligible voters over the window that earn the full intensity score.
INTENSITY_FULL_SCORE_PER_10K = 5.0


def published():
    return Practice.objects.published()


# --- Counts ---------------------------------------------------------------------------------

@dataclass
class ToolYearTable:
    """Counts of cases per tool and year: `rows` is [(tool, [count per year], total)] in the
    tools' order, `years` runs without gaps from the first year with a case to the last.
    `samples` counts the sample cases among them (pages say when samples are counted)."""

    years: list
    rows: list
    year_totals: list
    total: int
    samples: int = 0


def year_span(years):
    """Every year from the smallest to the largest given (no gaps), or [] for none."""
    years = [year for year in years if year is not None]
    return list(range(min(years), max(years) + 1)) if years else []


def _tool_year_table(grouped, tools=None):
    """A ToolYearTable from rows of {tool_id, year, n, samples}."""
    counts, samples = {}, 0
    for row in grouped:
        key = (row["tool_id"], row["year"])
        counts[key] = counts.get(key, 0) + row["n"]
        samples += row["samples"]
    years = year_span({year for _tool, year in counts})
    if tools is None:
        used = {tool_id for tool_id, _year in counts}
        tools = [tool for tool in ParticipationTool.objects.all() if tool.pk in used]
    rows = []
    for tool in tools:
        per_year = [counts.get((tool.pk, year), 0) for year in years]
        rows.append((tool, per_year, sum(per_year)))
    year_totals = [sum(row[1][index] for row in rows) for index in range(len(years))]
    return ToolYearTable(
        years=years, rows=rows, year_totals=year_totals, total=sum(year_totals), samples=samples
    )


def _group(queryset, *fields):
    return list(
        queryset.order_by().values("tool_id", "year", *fields)
        .annotate(n=Count("id"), samples=Count("id", filter=Q(is_sample=True)))
    )


def counts_by_tool_and_year(queryset=None, tools=None):
    """One GROUP BY over the cases: per tool and year, with the sample cases counted alongside
    so that a page needs no second scan to say whether samples are included."""
    return _tool_year_table(_group(published() if queryset is None else queryset), tools)


def statistics_summary(queryset=None):
    """What the statistics page charts, from one GROUP BY tool, year and voivodeship (at most
    tools x years x 16 rows): (ToolYearTable, [(voivodeship, count)] as counts_by_voivodeship
    gives it)."""
    grouped = _group(
        published() if queryset is None else queryset, "municipality__voivodeship_id"
    )
    per_voivodeship = {}
    for row in grouped:
        code = row["municipality__voivodeship_id"]
        per_voivodeship[code] = per_voivodeship.get(code, 0) + row["n"]
    voivodeships = [
        (voivodeship, per_voivodeship.get(voivodeship.pk, 0))
        for voivodeship in Voivodeship.objects.only("teryt", "name")
    ]
    return _tool_year_table(grouped), voivodeships


def counts_by_year(queryset=None):
    """[(year, count)] for every year from the first to the last case, zeros included."""
    queryset = published() if queryset is None else queryset
    counts = dict(
        queryset.order_by().values_list("year").annotate(n=Count("id")).values_list("year", "n")
    )
    return [(year, counts.get(year, 0)) for year in year_span(counts)]


def growth_by_year(queryset=None, table=None):
    """[(year, new cases, cumulative cases)]: how the catalogue grew, year by year. Pass the
    page's ToolYearTable as `table` to reuse its counts instead of scanning again."""
    if table is not None:
        per_year = list(zip(table.years, table.year_totals, strict=True))
    else:
        per_year = counts_by_year(queryset)
    rows, running = [], 0
    for year, count in per_year:
        running += count
        rows.append((year, count, running))
    return rows


def counts_by_voivodeship(queryset=None):
    """[(voivodeship, count)] for every voivodeship in the register, zeros included, in TERYT
    order."""
    queryset = published() if queryset is None else queryset
    counts = dict(
        queryset.order_by()
        .values_list("municipality__voivodeship_id")
        .annotate(n=Count("id"))
        .values_list("municipality__voivodeship_id", "n")
    )
    return [
        (voivodeship, counts.get(voivodeship.pk, 0))
        for voivodeship in Voivodeship.objects.only("teryt", "name")
    ]


def sample_count(queryset=None):
    queryset = published() if queryset is None else queryset
    return queryset.filter(is_sample=True).count()


# --- Participation index ----------------------------------------------------------------------

# The parameters of the ranking, parsed by the one case filter definition (practices.filters).
RANKING_PARAMETERS = ("voivodeship", "type")


@dataclass
class RankingFilters:
    """Which gminy the ranking compares: `voivodeship` (2-digit TERYT codes) and
    `municipality_type` (1 urban, 2 rural, 3 urban-rural), the query parameters `voivodeship`
    and `type` of practices.filters."""

    voivodeship: tuple = ()
    municipality_type: str | None = None

    @classmethod
    def parse(cls, query):
        """(filters from the valid parameters, {parameter: [messages]} for the others).
        Pages show the messages and carry on; exports refuse the request."""
        case_filters, errors = CaseFilters.parse_lenient(query, only=RANKING_PARAMETERS)
        return cls(
            voivodeship=case_filters.voivodeship, municipality_type=case_filters.type
        ), errors

    def as_query(self):
        return CaseFilters(
            voivodeship=self.voivodeship, type=self.municipality_type
        ).as_params()


@dataclass
class RankingRow:
    teryt: str
    name: str
    type: str
    county: str
    voivodeship: str
    eligible_voters: int | None
    tools_used: int
    editions: int
    active_years: int
    sample_cases: int
    breadth: float
    regularity: float
    intensity: float | None
    editions_per_10k: float | None
    index: float
    rank: int = 0

    def get_type_display(self):
        return MunicipalityType(self.type).label


@dataclass
class Ranking:
    first_year: int
    last_year: int
    tool_count: int
    rows: list = field(default_factory=list)


def ranking_window(reference_year=None):
    last = reference_year or timezone.localdate().year
    return last - RANKING_WINDOW_YEARS + 1, last


def score(tools_used, tool_count, active_years, editions, eligible_voters):
    """The components and the index of one gmina, each 0-100 (see the module docstring):
    breadth = distinct tools used / tools in the taxonomy;
    regularity = years with at least one case / years in the window;
    intensity = editions per 10,000 eligible voters (the gmina's official count, imported by
    `manage.py import_voters`) / INTENSITY_FULL_SCORE_PER_10K, capped at 1, only when that
    count is known.
    The index is the mean of the components that exist, rounded to one decimal."""
    breadth = 100.0 * tools_used / tool_count if tool_count else 0.0
    regularity = 100.0 * active_years / RANKING_WINDOW_YEARS
    per_10k = intensity = None
    if eligible_voters:
        per_10k = editions * 10_000 / eligible_voters
        intensity = 100.0 * min(per_10k / INTENSITY_FULL_SCORE_PER_10K, 1.0)
    components = [breadth, regularity] + ([intensity] if intensity is not None else [])
    index = round(sum(components) / len(components), 1)
    return breadth, regularity, intensity, per_10k, index


def participation_ranking(filters=None, reference_year=None):
    """Every gmina with at least one published case in the window, best first.

    Order: index, then editions, then distinct tools (all descending), then name. Gminy with
    the same index share a rank (1, 2, 2, 4)."""
    filters = filters or RankingFilters()
    first_year, last_year = ranking_window(reference_year)
    queryset = published().filter(year__gte=first_year, year__lte=last_year)
    if filters.voivodeship:
        queryset = queryset.filter(municipality__voivodeship_id__in=filters.voivodeship)
    if filters.municipality_type:
        queryset = queryset.filter(municipality__type=filters.municipality_type)
    grouped = (
        queryset.order_by()
        .values(
            "municipality_id", "municipality__name", "municipality__type",
            "municipality__county__name", "municipality__voivodeship__name",
            "municipality__eligible_voters",
        )
        .annotate(
            tools_used=Count("tool", distinct=True),
            editions=Count("id"),
            active_years=Count("year", distinct=True),
            sample_cases=Count("id", filter=Q(is_sample=True)),
        )
    )
    tool_count = ParticipationTool.objects.count()
    rows = []
    for row in grouped:
        eligible_voters = row["municipality__eligible_voters"]
        breadth, regularity, intensity, per_10k, index = score(
            row["tools_used"], tool_count, row["active_years"], row["editions"], eligible_voters
        )
        rows.append(RankingRow(
            teryt=row["municipality_id"],
            name=row["municipality__name"],
            type=row["municipality__type"],
            county=row["municipality__county__name"],
            voivodeship=row["municipality__voivodeship__name"],
            eligible_voters=eligible_voters,
            tools_used=row["tools_used"],
            editions=row["editions"],
            active_years=row["active_years"],
            sample_cases=row["sample_cases"],
            breadth=round(breadth, 1),
            regularity=round(regularity, 1),
            intensity=None if intensity is None else round(intensity, 1),
            editions_per_10k=None if per_10k is None else round(per_10k, 2),
            index=index,
        ))
    rows.sort(key=lambda r: (-r.index, -r.editions, -r.tools_used, r.name, r.teryt))
    for position, row in enumerate(rows, start=1):
        previous = rows[position - 2] if position > 1 else None
        row.rank = previous.rank if previous and previous.index == row.index else position
    return Ranking(first_year=first_year, last_year=last_year, tool_count=tool_count, rows=rows)


RANKING_COLUMNS = [
    "rank", "teryt", "name", "type", "county", "voivodeship", "eligible_voters", "tools_used",
    "editions", "active_years", "editions_per_10k", "breadth", "regularity", "intensity",
    "index", "sample_cases",
]


def ranking_records(ranking):
    """The ranking as plain dicts with language-neutral keys (RANKING_COLUMNS), for exports."""
    return [{column: getattr(row, column) for column in RANKING_COLUMNS} for row in ranking.rows]
