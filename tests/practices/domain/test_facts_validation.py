"""Tool-specific facts are validated per tool; every refusal names the fact and what is
allowed."""
import pytest
from django.core.exceptions import ValidationError

from practices.domain.facts import validate_facts

GOOD = [
    (
        "budzet-obywatelski",
        {"amount_pln": "1 500 000,50", "projects_submitted": "120", "projects_voted": 80,
         "projects_selected": 25.0, "votes_cast": 30000, "voters": 12000},
        {"amount_pln": 1500000.5, "projects_submitted": 120, "projects_voted": 80,
         "projects_selected": 25, "votes_cast": 30000, "voters": 12000},
    ),
    (
        "budzet-obywatelski",
        {"voters": 100, "amount_pln": 250000, "projects_selected": None, "votes_cast": ""},
        {"amount_pln": 250000, "voters": 100},
    ),
    (
        "referendum",
        {"type": "recall_mayor", "date": "2019-05-26", "question": " Czy jesteś za? ",
         "eligible_voters": 10000, "votes_cast": 3000, "votes_yes": 2000, "votes_no": 900,
         "election_votes": 5000, "result": "yes"},
        {"date": "2019-05-26", "question": "Czy jesteś za?", "type": "recall_mayor",
         "eligible_voters": 10000, "votes_cast": 3000, "votes_yes": 2000, "votes_no": 900,
         "election_votes": 5000, "result": "yes"},
    ),
    (
        "konsultacje",
        {"methods": ["online", "survey", "online"], "period_start": "2021-03-01",
         "period_end": "2021-03-01", "report_url": "https://bip.example.org/raport.pdf"},
        {"methods": ["survey", "online"], "period_start": "2021-03-01",
         "period_end": "2021-03-01", "report_url": "https://bip.example.org/raport.pdf"},
    ),
    ("fundusz-solecki", {"amount_pln": 412345.67, "solectwa_count": 21},
     {"amount_pln": 412345.67, "solectwa_count": 21}),
    ("inicjatywa-uchwalodawcza", {"outcome": "withdrawn", "signatures_collected": 300},
     {"signatures_collected": 300, "outcome": "withdrawn"}),
    ("mlodziezowa-rada", {"members_count": 21, "term": "2024–2026"},
     {"members_count": 21, "term": "2024–2026"}),
    ("rada-seniorow", {"members_count": 11}, {"members_count": 11}),
    ("inicjatywa-lokalna", {"contribution": "work", "volunteers": 12},
     {"contribution": ["work"], "volunteers": 12}),
    ("panel-obywatelski", {"participants_drawn": 60, "recommendations_count": 20,
                           "recommendations_adopted": 20},
     {"participants_drawn": 60, "recommendations_count": 20, "recommendations_adopted": 20}),
    ("inne", {"form": "Spacer badawczy"}, {"form": "Spacer badawczy"}),
    ("inne", None, {}),
]


@pytest.mark.parametrize(("tool", "facts", "cleaned"), GOOD)
def test_it_accepts_and_normalises_valid_facts(tool, facts, cleaned):
    result = validate_facts(tool, facts)
    assert result == cleaned
    assert list(result) == list(cleaned)  # the tool's order


BAD = [
    # (tool, facts, key named in the error, text the message contains)
    ("budzet-obywatelski", {"projects_selected": 30, "projects_voted": 20},
     "projects_selected", "cannot be greater than projects_voted"),
    ("budzet-obywatelski", {"projects_voted": 30, "projects_submitted": 20},
     "projects_voted", "cannot be greater than projects_submitted"),
    ("budzet-obywatelski", {"amount_pln": -5}, "amount_pln", "amount in PLN"),
    ("budzet-obywatelski", {"amount_pln": "12.345"}, "amount_pln", "two decimal places"),
    ("budzet-obywatelski", {"amount_pln": "NaN"}, "amount_pln", "amount in PLN"),
    ("budzet-obywatelski", {"voters": -1}, "voters", "whole number"),
    ("budzet-obywatelski", {"voters": 2.5}, "voters", "whole number"),
    ("budzet-obywatelski", {"voters": True}, "voters", "whole number"),
    ("budzet-obywatelski", {"voters": "12a"}, "voters", "whole number"),
    ("budzet-obywatelski", {"turnout": 12}, "turnout", "computed"),
    ("budzet-obywatelski", {"participation": 12}, "participation", "not a fact of this tool"),
    ("referendum", {"votes_cast": 5001, "eligible_voters": 5000},
     "votes_cast", "cannot be greater than eligible_voters"),
    ("referendum", {"type": "recall_president"}, "type", "recall_council, recall_mayor"),
    ("referendum", {"type": "local_matter", "election_votes": 100},
     "election_votes", "only to recall referendums"),
    ("referendum", {"votes_cast": 100, "votes_yes": 60, "votes_no": 50},
     "votes_yes", "cannot exceed votes_cast"),
    ("referendum", {"turnout": 45.0}, "turnout", "computed"),
    ("referendum", {"valid": True}, "valid", "computed"),
    ("referendum", {"date": "2021-13-01"}, "date", "YYYY-MM-DD"),
    ("referendum", {"date": "1899-01-01"}, "date", "YYYY-MM-DD"),
    ("konsultacje", {"methods": ["survey", "fax"]}, "methods",
     "survey, meeting, workshop, walk, online, consultation_point"),
    ("konsultacje", {"period_start": "2021-05-10", "period_end": "2021-05-01"},
     "period_end", "cannot be before period_start"),
    ("konsultacje", {"report_url": "javascript:alert(1)"}, "report_url", "https://"),
    ("konsultacje", {"subject": "x" * 301}, "subject", "at most 300 characters"),
    ("konsultacje", {"subject": 12}, "subject", "plain text"),
    ("fundusz-solecki", {"votes": 5}, "votes", "amount_pln, solectwa_count"),
    ("inicjatywa-uchwalodawcza", {"outcome": "maybe"}, "outcome",
     "adopted, rejected, withdrawn, pending"),
    ("inicjatywa-uchwalodawcza", {"signatures_required": 100}, "signatures_required",
     "computed"),
    ("panel-obywatelski", {"recommendations_adopted": 5, "recommendations_count": 4},
     "recommendations_adopted", "cannot be greater than recommendations_count"),
    ("mlodziezowa-rada", {"members_count": "dwadzieścia"}, "members_count", "whole number"),
]


@pytest.mark.parametrize(("tool", "facts", "key", "fragment"), BAD)
def test_it_refuses_invalid_facts_naming_the_fact(tool, facts, key, fragment):
    with pytest.raises(ValidationError) as caught:
        validate_facts(tool, facts)
    assert list(caught.value.error_dict) == [key]
    (message,) = caught.value.message_dict[key]
    assert message.startswith(key)
    assert fragment in message


def test_it_reports_every_bad_fact_at_once():
    with pytest.raises(ValidationError) as caught:
        validate_facts("budzet-obywatelski", {"voters": -1, "colour": "red", "amount_pln": "x"})
    assert set(caught.value.error_dict) == {"voters", "colour", "amount_pln"}


@pytest.mark.parametrize("facts", [["voters", 5], "voters=5", 5])
def test_it_refuses_facts_that_are_not_an_object(facts):
    with pytest.raises(ValidationError, match="JSON object"):
        validate_facts("budzet-obywatelski", facts)


def test_it_refuses_an_unknown_tool_listing_the_known_ones():
    with pytest.raises(ValidationError) as caught:
        validate_facts("plebiscyt", {})
    assert "plebiscyt" in caught.value.messages[0]
    assert "budzet-obywatelski" in caught.value.messages[0]
