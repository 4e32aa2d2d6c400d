"""Facts as pages show them (labels, units, local number formats) and as the API documents
them (a JSON schema per tool)."""
import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from practices.domain.facts import display_facts, schema_for
from practices.models import Practice
from tests.factories import make_practice


def shown(practice, language):
    with translation.override(language):
        return [tuple(item) for item in display_facts(Practice.objects.get(pk=practice.pk))]


def test_facts_are_listed_in_the_tools_order_with_labels_and_units(bialystok):
    case = make_practice(bialystok, "budzet-obywatelski", facts={
        "voters": 12000, "amount_pln": 1500000.5, "projects_selected": 25,
    })
    assert shown(case, "en") == [
        ("amount_pln", "total amount", "1,500,000.50\u00a0PLN"),
        ("projects_selected", "projects selected", "25"),
        ("voters", "voters", "12,000\u00a0persons"),
    ]


def test_numbers_follow_the_polish_format_on_polish_pages(bialystok):
    case = make_practice(bialystok, "budzet-obywatelski", facts={"amount_pln": 1500000.5})
    ((_key, _label, value),) = shown(case, "pl")
    assert value.startswith("1\u00a0500\u00a0000,50\u00a0")


def test_computed_facts_choices_and_dates_are_shown_readably(bialystok):
    case = make_practice(bialystok, "referendum", facts={
        "date": "2019-05-26", "type": "local_matter", "eligible_voters": 8000,
        "votes_cast": 2500,
    })
    assert shown(case, "en") == [
        ("date", "date of the vote", "May 26, 2019"),
        ("type", "type", "a local matter"),
        ("eligible_voters", "eligible voters", "8,000\u00a0persons"),
        ("votes_cast", "votes cast", "2,500"),
        ("turnout", "turnout", "31.25\u00a0%"),
        ("valid", "valid", "yes"),
    ]


def test_lists_of_choices_and_links_are_shown_as_labels_and_safe_links(bialystok):
    case = make_practice(bialystok, "konsultacje", facts={
        "methods": ["survey", "walk"], "report_url": "https://bip.example.org/r?a=1&b=2",
    })
    assert shown(case, "en") == [
        ("methods", "methods", "survey, study walk"),
        ("report_url", "consultation report",
         '<a href="https://bip.example.org/r?a=1&amp;b=2" rel="nofollow noopener">'
         "https://bip.example.org/r?a=1&amp;b=2</a>"),
    ]


def test_a_stored_value_that_no_longer_fits_is_skipped_not_a_crash(bialystok):
    case = make_practice(bialystok, "budzet-obywatelski", facts={"voters": "many", "amount_pln": 5})
    assert [key for key, *_ in shown(case, "en")] == ["amount_pln"]


def test_the_schema_describes_types_limits_labels_and_computed_values():
    with translation.override("en"):
        schema = schema_for("referendum")
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    properties = schema["properties"]
    assert properties["eligible_voters"] == {
        "type": "integer", "minimum": 0, "maximum": 2_000_000_000, "title": "eligible voters",
        "x-unit": "persons",
    }
    assert properties["type"]["enum"] == [
        "recall_council", "recall_mayor", "local_matter", "self_taxation",
    ]
    assert properties["date"] == {"type": "string", "format": "date", "title": "date of the vote"}
    assert properties["turnout"]["readOnly"] is True
    assert properties["valid"] == {"type": "boolean", "title": "valid", "readOnly": True}


def test_the_schema_of_a_multiple_choice_fact_is_an_array_of_unique_values():
    methods = schema_for("konsultacje")["properties"]["methods"]
    assert methods["type"] == "array"
    assert methods["uniqueItems"] is True
    assert methods["items"]["enum"][0] == "survey"


def test_the_schema_of_an_unknown_tool_is_refused():
    with pytest.raises(ValidationError):
        schema_for("plebiscyt")
