"""Tool-specific facts of a case: validation, computed values, labels and a JSON schema.

A case stores its facts as one JSON object (`Practice.facts`) whose allowed keys depend on
its tool; `practices.domain.fact_schemas` declares them. Rules:

- Every key must be declared for the tool; unknown keys and computed keys are refused.
- Values are typed: whole numbers >= 0 (digit strings accepted), amounts in PLN with at most
  two decimals (stored as JSON numbers so the database can compare them), dates (stored as
  ISO `YYYY-MM-DD`), one or several values from a fixed list, http(s) URLs, short texts.
  An empty value (null, "", []) means "not given" and is dropped.
- Cross-field checks (e.g. projects selected <= projects put to vote <= projects submitted).
- Computed values (a referendum's turnout and validity...) are added by `enrich()`, reading
  legal thresholds from `ParticipationTool.rules`: never from code.
- Turnout from the register: a participatory budget (voters) or a referendum (votes cast)
  whose case states no eligible voters gets its turnout from the gmina's count of eligible
  voters (geodata.voters), labelled as such: `turnout_basis` is "gmina" and
  `gmina_eligible_voters` and `gmina_eligible_voters_year` say which count was used (a turnout
  from the case's own figures has `turnout_basis` "case"). No such turnout is given above
  100% (a budget open to residents under 18 can have more voters than the register), and a
  referendum's validity is never judged on it: the referendum's own register decides that.

Entry points: validate_facts(), enrich(), enrich_facts(), display_facts(), schema_for(),
fields_for().
"""
import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from practices.domain.fact_schemas import SCHEMAS, Kind
from practices.domain.markdown import link_href

MAX_COUNT = 2_000_000_000
MAX_AMOUNT = Decimal("1000000000000")
MIN_DATE, MAX_DATE = datetime.date(1990, 1, 1), datetime.date(2100, 12, 31)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL = URLValidator(schemes=["http", "https"])


# The fact counting the participants, per tool whose turnout may come from the register.
TURNOUT_FROM_GMINA = {"budzet-obywatelski": "voters", "referendum": "votes_cast"}


class GminaVoters(NamedTuple):
    """A gmina's count of eligible voters and the year it is from (geodata.Municipality)."""

    count: int
    year: int | None


class DisplayedFact(NamedTuple):
    key: str
    label: str
    value: str  # formatted for a page; a SafeString link for URLs


def fields_for(tool_slug):
    """The declared facts of a tool (stored and computed), in display order."""
    try:
        return SCHEMAS[tool_slug].fields
    except KeyError:
        raise ValidationError(
            _("Unknown tool %(tool)s: use one of %(allowed)s."),
            code="unknown_tool", params={"tool": tool_slug, "allowed": ", ".join(SCHEMAS)},
        ) from None


def _error(key, message, **params):
    return ValidationError({key: [ValidationError(message, params={"field": key, **params})]})


def _clean_count(field, value):
    if isinstance(value, str) and re.fullmatch(r"\s*\d[\d\s\u00a0]*", value):
        value = int(re.sub(r"\D", "", value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise _error(field.key, _("%(field)s: enter a whole number from 0 to %(max)s."),
                     max=MAX_COUNT)
    return value


def _clean_amount(field, value):
    if isinstance(value, str):
        value = value.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        amount = None
    if (
        amount is None or not amount.is_finite() or not 0 <= amount <= MAX_AMOUNT
        or amount != amount.quantize(Decimal("0.01"))
    ):
        raise _error(field.key, _("%(field)s: enter an amount in PLN from 0 to %(max)s with "
                                  "at most two decimal places, e.g. 1500000.50."), max=MAX_AMOUNT)
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _clean_date(field, value):
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            value = datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if not isinstance(value, datetime.date) or not MIN_DATE <= value <= MAX_DATE:
        raise _error(field.key, _("%(field)s: enter a date as YYYY-MM-DD between 1990 and "
                                  "2100."))
    return value.isoformat()


def _clean_choice(field, value):
    if value not in field.values:
        raise _error(field.key, _("%(field)s: %(value)s is not allowed; use one of "
                                  "%(allowed)s."),
                     value=repr(value), allowed=", ".join(field.values))
    return value


def _clean_choices(field, value):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or any(item not in field.values for item in value):
        raise _error(field.key, _("%(field)s: give a list of values from %(allowed)s."),
                     allowed=", ".join(field.values))
    return [choice for choice in field.values if choice in value]


def _clean_text(field, value):
    if not isinstance(value, str) or len(value.strip()) > field.max_length or re.search(
        r"[\x00-\x08\x0b\x0c\x0e-\x1f]", value
    ):
        raise _error(field.key, _("%(field)s: enter plain text of at most %(max)s "
                                  "characters."), max=field.max_length)
    return value.strip()


def _clean_url(field, value):
    try:
        if not isinstance(value, str) or len(value.strip()) > field.max_length:
            raise ValidationError("")
        _URL(value.strip())
    except ValidationError:
        raise _error(field.key, _("%(field)s: enter a full http:// or https:// address of at "
                                  "most %(max)s characters."), max=field.max_length) from None
    return value.strip()


def _clean_boolean(field, value):
    if not isinstance(value, bool):
        raise _error(field.key, _("%(field)s: enter true or false."))
    return value


CLEANERS = {
    Kind.COUNT: _clean_count, Kind.AMOUNT: _clean_amount, Kind.DATE: _clean_date,
    Kind.CHOICE: _clean_choice, Kind.CHOICES: _clean_choices, Kind.TEXT: _clean_text,
    Kind.URL: _clean_url, Kind.BOOLEAN: _clean_boolean,
}


def validate_facts(tool_slug, facts):
    """The cleaned facts of a case of tool `tool_slug`, or a ValidationError whose messages
    each name the offending key and what is allowed (a dict error keyed by fact)."""
    if facts is None:
        return {}
    if not isinstance(facts, dict):
        raise ValidationError(
            _("The facts must be a JSON object of key: value pairs, e.g. {\"voters\": 1200}."),
            code="not_an_object",
        )
    fields = {field.key: field for field in fields_for(tool_slug)}
    schema = SCHEMAS[tool_slug]
    errors, cleaned = {}, {}
    for key, value in facts.items():
        field = fields.get(key)
        if field is None:
            stored = [f.key for f in fields.values() if not f.computed]
            errors[key] = ValidationError(
                _("%(field)s: not a fact of this tool; allowed: %(allowed)s."),
                params={"field": key, "allowed": ", ".join(stored) or "-"},
            )
        elif field.computed:
            errors[key] = ValidationError(
                _("%(field)s is computed from the other facts: leave it out."),
                params={"field": key},
            )
        elif value is None or value == "" or value == []:
            continue
        else:
            try:
                cleaned[key] = CLEANERS[field.kind](field, value)
            except ValidationError as error:
                errors.update(error.error_dict)
    if not errors:
        for check in schema.checks:
            try:
                check(cleaned)
            except ValidationError as error:
                errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    order = list(fields)
    return dict(sorted(cleaned.items(), key=lambda item: order.index(item[0])))


def enrich_facts(tool_slug, facts, rules=None, population=None, gmina_voters=None):
    """`facts` with the tool's computed values added. Values that cannot be computed (missing
    inputs, a threshold absent from `rules`) are left out rather than guessed.
    `gmina_voters` (a GminaVoters) is the denominator of a turnout the case does not state."""
    enriched = dict(facts or {})
    schema = SCHEMAS.get(tool_slug)
    if schema is not None and schema.compute is not None:
        enriched.update(schema.compute(enriched, rules or {}, population))
    if tool_slug in TURNOUT_FROM_GMINA:
        if "turnout" in enriched:
            enriched["turnout_basis"] = "case"
        else:
            enriched.update(_turnout_from_gmina(
                enriched.get(TURNOUT_FROM_GMINA[tool_slug]), gmina_voters))
    return enriched


def _turnout_from_gmina(participants, gmina_voters):
    if (
        not isinstance(participants, int) or isinstance(participants, bool)
        or gmina_voters is None or not gmina_voters.count
        or participants > gmina_voters.count
    ):
        return {}
    computed = {
        "turnout": round(100 * participants / gmina_voters.count, 2),
        "turnout_basis": "gmina",
        "gmina_eligible_voters": gmina_voters.count,
    }
    if gmina_voters.year:
        computed["gmina_eligible_voters_year"] = gmina_voters.year
    return computed


def gmina_voters_of(municipality):
    """The GminaVoters of a gmina, or None when its count has not been imported."""
    count = getattr(municipality, "eligible_voters", None)
    if not count:
        return None
    return GminaVoters(count, getattr(municipality, "eligible_voters_year", None))


def enrich(practice):
    """The case's facts with the computed values added, thresholds read from its tool and
    a turnout the case does not state computed from its gmina's eligible voters."""
    tool = practice.tool
    municipality = practice.municipality if practice.municipality_id else None
    return enrich_facts(
        tool.slug, practice.facts, tool.rules,
        population=getattr(municipality, "population", None),
        gmina_voters=gmina_voters_of(municipality),
    )


def _format(field, value):
    if field.kind == Kind.COUNT:
        text = number_format(value, force_grouping=True)
    elif field.kind == Kind.AMOUNT:
        text = number_format(Decimal(str(value)), 2, force_grouping=True)
    elif field.kind == Kind.PERCENT:
        text = number_format(value, 2, force_grouping=True)
    elif field.kind == Kind.YEAR:
        return str(value)
    elif field.kind == Kind.DATE:
        return date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
    elif field.kind == Kind.BOOLEAN:
        return _g("yes") if value else _g("no")
    elif field.kind == Kind.CHOICE:
        return str(field.label_of(value))
    elif field.kind == Kind.CHOICES:
        return ", ".join(str(field.label_of(item)) for item in value)
    elif field.kind == Kind.URL:
        if not link_href(value):
            return str(value)
        return format_html('<a href="{}" rel="nofollow noopener">{}</a>', link_href(value), value)
    else:
        return str(value)
    return f"{text}\u00a0{field.unit}" if field.unit else text


# Said by the labels of the turnout and the count it was computed from, not shown apart.
_FOLDED_INTO_LABELS = ("turnout_basis", "gmina_eligible_voters_year")


def _label(field, facts):
    """The field's label; a turnout from the register says so, with the count's year."""
    if facts.get("turnout_basis") != "gmina":
        return str(field.label)
    year = facts.get("gmina_eligible_voters_year")
    if field.key == "turnout":
        return _g("turnout (computed from the eligible voters of the gmina)")
    if field.key == "gmina_eligible_voters" and year:
        return _g("eligible voters of the gmina (%(year)s)") % {"year": year}
    return str(field.label)


def display_facts(practice):
    """The case's facts (computed ones included) as (key, label, formatted value), in the
    tool's order, for pages. Keys whose stored value does not fit the schema are skipped."""
    facts = enrich(practice)
    shown = []
    schema = SCHEMAS.get(practice.tool.slug)
    for field in schema.fields if schema else ():
        if field.key in facts and field.key not in _FOLDED_INTO_LABELS:
            value = facts[field.key]
            try:
                if not field.computed:
                    value = CLEANERS[field.kind](field, value)
                value = _format(field, value)
            except (ValidationError, TypeError, ValueError, ArithmeticError):
                continue
            shown.append(DisplayedFact(field.key, _label(field, facts), value))
    return shown


_JSON_TYPES = {
    Kind.COUNT: {"type": "integer", "minimum": 0, "maximum": MAX_COUNT},
    Kind.AMOUNT: {"type": "number", "minimum": 0, "multipleOf": 0.01},
    Kind.PERCENT: {"type": "number", "minimum": 0},
    Kind.DATE: {"type": "string", "format": "date"},
    Kind.BOOLEAN: {"type": "boolean"},
    Kind.YEAR: {"type": "integer", "minimum": 1990},
    Kind.URL: {"type": "string", "format": "uri"},
    Kind.TEXT: {"type": "string"},
}


def schema_for(tool_slug):
    """A JSON Schema (draft 2020-12) of the tool's facts, as stored plus computed
    (`readOnly`), with labels in the active language and units in `x-unit`."""
    properties = {}
    for field in fields_for(tool_slug):
        if field.kind == Kind.CHOICE:
            prop = {"type": "string", "enum": list(field.values)}
        elif field.kind == Kind.CHOICES:
            prop = {"type": "array", "uniqueItems": True,
                    "items": {"type": "string", "enum": list(field.values)}}
        else:
            prop = dict(_JSON_TYPES[field.kind])
        if field.kind in (Kind.TEXT, Kind.URL):
            prop["maxLength"] = field.max_length
        prop["title"] = str(field.label)
        if field.choices:
            prop["x-labels"] = {value: str(label) for value, label in field.choices}
        if field.unit:
            prop["x-unit"] = str(field.unit)
        if field.computed:
            prop["readOnly"] = True
        properties[field.key] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": tool_slug,
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
    }
