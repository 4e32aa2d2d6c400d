"""The declared facts of each participation tool (what practices.domain.facts validates).

Each tool has an ordered tuple of Fact declarations, cross-field checks, and optionally a
function computing derived values from the stored facts and the tool's `rules`.
Keys are part of the API and of exports: add new ones freely, never rename one.
"""
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class Kind(StrEnum):
    COUNT = "count"  # a whole number >= 0
    AMOUNT = "amount"  # PLN, two decimals
    PERCENT = "percent"  # computed only
    DATE = "date"
    CHOICE = "choice"
    CHOICES = "choices"
    TEXT = "text"
    URL = "url"
    BOOLEAN = "boolean"  # computed only, so far
    YEAR = "year"  # computed only, so far


@dataclass(frozen=True)
class Fact:
    key: str
    kind: Kind
    label: str
    unit: str = ""
    choices: tuple = ()
    max_length: int = 300
    computed: bool = False

    @property
    def values(self):
        return tuple(value for value, _label in self.choices)

    def label_of(self, value):
        return dict(self.choices).get(value, value)


@dataclass(frozen=True)
class ToolSchema:
    fields: tuple
    checks: tuple = ()
    compute: object = None  # compute(facts, rules, population) -> dict of computed values


PLN = _("PLN")
PERCENT = "%"


def count(key, label, unit=""):
    return Fact(key, Kind.COUNT, label, unit=unit)


def amount(key, label):
    return Fact(key, Kind.AMOUNT, label, unit=PLN)


def date(key, label):
    return Fact(key, Kind.DATE, label)


def text(key, label, max_length=300):
    return Fact(key, Kind.TEXT, label, max_length=max_length)


def url(key, label):
    return Fact(key, Kind.URL, label, max_length=500)


def choice(key, label, choices):
    return Fact(key, Kind.CHOICE, label, choices=choices)


def choices(key, label, options):
    return Fact(key, Kind.CHOICES, label, choices=options)


def computed(key, kind, label, unit=""):
    return Fact(key, kind, label, unit=unit, computed=True)


def not_greater(smaller, larger):
    """A check that facts[smaller] <= facts[larger] when both are given."""
    def check(facts):
        if smaller in facts and larger in facts and facts[smaller] > facts[larger]:
            raise ValidationError({smaller: [ValidationError(
                _("%(field)s (%(value)s) cannot be greater than %(other)s (%(limit)s)."),
                params={"field": smaller, "value": facts[smaller], "other": larger,
                        "limit": facts[larger]},
            )]})
    return check


def not_before(later, earlier):
    """A check that the date facts[later] is not before facts[earlier] when both are given."""
    def check(facts):
        if later in facts and earlier in facts and facts[later] < facts[earlier]:
            raise ValidationError({later: [ValidationError(
                _("%(field)s (%(value)s) cannot be before %(other)s (%(limit)s)."),
                params={"field": later, "value": facts[later], "other": earlier,
                        "limit": facts[earlier]},
            )]})
    return check


# --- Referendum --------------------------------------------------------------------------
RECALL_TYPES = ("recall_council", "recall_mayor")
REFERENDUM_TYPES = (
    ("recall_council", _("recall of the council")),
    ("recall_mayor", _("recall of the mayor (wójt, burmistrz, prezydent)")),
    ("local_matter", _("a local matter")),
    ("self_taxation", _("self-taxation")),
)
REFERENDUM_RESULTS = (
    ("yes", _("the answer “yes” won")),
    ("no", _("the answer “no” won")),
)


def _votes_sum_check(facts):
    if "votes_cast" in facts:
        given = facts.get("votes_yes", 0) + facts.get("votes_no", 0)
        if given > facts["votes_cast"]:
            raise ValidationError({"votes_yes": [ValidationError(
                _("%(field)s and votes_no together (%(value)s) cannot exceed votes_cast "
                  "(%(limit)s)."),
                params={"field": "votes_yes", "value": given, "limit": facts["votes_cast"]},
            )]})


def _election_votes_check(facts):
    if "election_votes" in facts and facts.get("type") not in RECALL_TYPES:
        raise ValidationError({"election_votes": [ValidationError(
            _("%(field)s applies only to recall referendums (type %(allowed)s)."),
            params={"field": "election_votes", "allowed": " or ".join(RECALL_TYPES)},
        )]})


def referendum_computed(facts, rules, population):
    """Turnout = votes cast / eligible voters, in percent. Validity (art. 55-56 of the act
    of 15 Sep 2000): a recall needs votes cast >= rules['recall_turnout_share_of_election']
    x the number who voted in the body's election (`election_votes`); any other referendum
    needs turnout >= rules['valid_turnout_percent']."""
    result = {}
    votes, eligible = facts.get("votes_cast"), facts.get("eligible_voters")
    if isinstance(votes, int) and isinstance(eligible, int) and eligible > 0:
        result["turnout"] = round(100 * votes / eligible, 2)
    if facts.get("type") in RECALL_TYPES:
        share, election = rules.get("recall_turnout_share_of_election"), facts.get(
            "election_votes")
        if isinstance(votes, int) and isinstance(election, int) and share is not None:
            result["valid"] = votes >= share * election
    elif "turnout" in result and rules.get("valid_turnout_percent") is not None:
        result["valid"] = result["turnout"] >= rules["valid_turnout_percent"]
    return result


# Where a computed turnout's denominator came from (practices.domain.facts.enrich_facts): the
# eligible voters the case states, or the gmina's count in the register (geodata.voters) when
# the case states none. The last two facts are given only in the second case.
TURNOUT_BASES = (
    ("case", _("the eligible voters stated for the case")),
    ("gmina", _("the eligible voters of the gmina (register)")),
)
TURNOUT_BASIS_FIELDS = (
    Fact("turnout_basis", Kind.CHOICE, _("turnout computed from"), choices=TURNOUT_BASES,
         computed=True),
    computed("gmina_eligible_voters", Kind.COUNT, _("eligible voters of the gmina"),
             _("persons")),
    computed("gmina_eligible_voters_year", Kind.YEAR, _("year of the gmina's eligible voters")),
)


# --- Resolution initiative ---------------------------------------------------------------
def initiative_computed(facts, rules, population):
    """Signatures required for the gmina's population (rules['signatures_required'], a list
    of {population_up_to, signatures}, the last with population_up_to null), and whether
    those collected suffice. Left out when the population is unknown."""
    thresholds = rules.get("signatures_required") or []
    if population is None:
        return {}
    for step in thresholds:
        if step.get("population_up_to") is None or population <= step["population_up_to"]:
            result = {"signatures_required": step["signatures"]}
            if isinstance(facts.get("signatures_collected"), int):
                result["signatures_sufficient"] = (
                    facts["signatures_collected"] >= step["signatures"]
                )
            return result
    return {}


PERSONS = _("persons")

# The youth council (art. 5b u.s.g.) and the seniors' council (art. 5c) are both advisory
# bodies of the gmina: the same facts describe them.
ADVISORY_COUNCIL_FIELDS = (
    count("members_count", _("members"), PERSONS),
    text("term", _("term of office"), max_length=50),
    count("opinions_issued", _("opinions issued")),
    url("statute_url", _("statute")),
)

SCHEMAS = {
    "konsultacje": ToolSchema(
        fields=(
            text("subject", _("subject")),
            choices("methods", _("methods"), (
                ("survey", _("survey")),
                ("meeting", _("open meeting")),
                ("workshop", _("workshop")),
                ("walk", _("study walk")),
                ("online", _("online form")),
                ("consultation_point", _("consultation point")),
            )),
            date("period_start", _("consultation start")),
            date("period_end", _("consultation end")),
            count("comments_received", _("comments received")),
            url("report_url", _("consultation report")),
        ),
        checks=(not_before("period_end", "period_start"),),
    ),
    "budzet-obywatelski": ToolSchema(
        fields=(
            amount("amount_pln", _("total amount")),
            count("projects_submitted", _("projects submitted")),
            count("projects_voted", _("projects put to vote")),
            count("projects_selected", _("projects selected")),
            count("votes_cast", _("votes cast")),
            count("voters", _("voters"), PERSONS),
            computed("turnout", Kind.PERCENT, _("turnout"), PERCENT),
            *TURNOUT_BASIS_FIELDS,
        ),
        checks=(
            not_greater("projects_selected", "projects_voted"),
            not_greater("projects_voted", "projects_submitted"),
        ),
    ),
    "fundusz-solecki": ToolSchema(
        fields=(
            amount("amount_pln", _("total amount")),
            count("solectwa_count", _("number of sołectwa")),
            count("projects_count", _("projects carried out")),
        ),
    ),
    "inicjatywa-uchwalodawcza": ToolSchema(
        fields=(
            text("draft_resolution", _("draft resolution")),
            count("signatures_collected", _("signatures collected")),
            date("submitted_on", _("submitted on")),
            choice("outcome", _("outcome"), (
                ("adopted", _("adopted")),
                ("rejected", _("rejected")),
                ("withdrawn", _("withdrawn")),
                ("pending", _("pending")),
            )),
            computed("signatures_required", Kind.COUNT, _("signatures required")),
            computed("signatures_sufficient", Kind.BOOLEAN, _("enough signatures")),
        ),
        compute=initiative_computed,
    ),
    "referendum": ToolSchema(
        fields=(
            date("date", _("date of the vote")),
            text("question", _("question"), max_length=500),
            choice("type", _("type"), REFERENDUM_TYPES),
            count("eligible_voters", _("eligible voters"), PERSONS),
            count("votes_cast", _("votes cast")),
            count("votes_yes", _("votes “yes”")),
            count("votes_no", _("votes “no”")),
            count("election_votes", _("voters in the recalled body's election"), PERSONS),
            choice("result", _("result"), REFERENDUM_RESULTS),
            computed("turnout", Kind.PERCENT, _("turnout"), PERCENT),
            *TURNOUT_BASIS_FIELDS,
            computed("valid", Kind.BOOLEAN, _("valid")),
        ),
        checks=(
            not_greater("votes_cast", "eligible_voters"),
            _votes_sum_check,
            _election_votes_check,
        ),
        compute=referendum_computed,
    ),
    "mlodziezowa-rada": ToolSchema(fields=ADVISORY_COUNCIL_FIELDS),
    "rada-seniorow": ToolSchema(fields=ADVISORY_COUNCIL_FIELDS),
    "inicjatywa-lokalna": ToolSchema(
        fields=(
            text("task", _("public task")),
            choices("contribution", _("residents' contribution"), (
                ("work", _("voluntary work")),
                ("goods", _("goods")),
                ("money", _("money")),
            )),
            amount("gmina_amount_pln", _("gmina's contribution")),
            count("volunteers", _("volunteers"), PERSONS),
        ),
    ),
    "panel-obywatelski": ToolSchema(
        fields=(
            text("subject", _("subject")),
            count("invitations_sent", _("invitations sent")),
            count("participants_drawn", _("panellists drawn"), PERSONS),
            count("recommendations_count", _("recommendations")),
            count("recommendations_adopted", _("recommendations adopted")),
            url("report_url", _("panel report")),
        ),
        checks=(
            not_greater("participants_drawn", "invitations_sent"),
            not_greater("recommendations_adopted", "recommendations_count"),
        ),
    ),
    "inne": ToolSchema(
        fields=(
            text("form", _("form of participation"), max_length=200),
            url("report_url", _("report")),
        ),
    ),
}
