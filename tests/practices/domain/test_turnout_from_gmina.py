"""A participatory budget or a referendum whose case states no eligible voters gets its
turnout from the gmina's count in the register (PKW 2025), labelled as computed from it; a
turnout the case's own figures give is kept and labelled as such."""
import pytest

from geodata.models import Municipality
from practices.domain.facts import display_facts, enrich, schema_for
from practices.models import Practice
from tests.factories import make_practice

BUDGET = {"amount_pln": 5500000, "projects_voted": 90, "votes_cast": 41200, "voters": 30512}


@pytest.fixture
def counted(bialystok):
    Municipality.objects.filter(pk=bialystok.pk).update(
        eligible_voters=213_477, eligible_voters_year=2025, eligible_voters_source="PKW")
    return Municipality.objects.get(pk=bialystok.pk)


def case(gmina, tool, **facts):
    practice = make_practice(gmina, tool, facts=facts)
    return Practice.objects.select_related("tool", "municipality").get(pk=practice.pk)


def test_a_budget_turnout_is_its_voters_over_the_gminas_eligible_voters(counted):
    # 30,512 / 213,477 = 14.29 %
    assert enrich(case(counted, "budzet-obywatelski", **BUDGET)) == {
        **BUDGET,
        "turnout": 14.29,
        "turnout_basis": "gmina",
        "gmina_eligible_voters": 213_477,
        "gmina_eligible_voters_year": 2025,
    }


def test_a_referendum_without_its_own_count_uses_the_gmina_and_is_not_judged_valid(counted):
    facts = enrich(case(counted, "referendum", type="local_matter", votes_cast=64_043))
    assert facts == {
        "type": "local_matter", "votes_cast": 64_043, "turnout": 30.0, "turnout_basis": "gmina",
        "gmina_eligible_voters": 213_477, "gmina_eligible_voters_year": 2025,
    }


def test_a_referendum_stating_its_eligible_voters_keeps_its_own_turnout(counted):
    facts = enrich(case(counted, "referendum", type="local_matter", eligible_voters=8000,
                        votes_cast=2500))
    assert (facts["turnout"], facts["turnout_basis"]) == (31.25, "case")
    assert "gmina_eligible_voters" not in facts


def test_without_the_gminas_count_there_is_no_turnout(bialystok):
    assert enrich(case(bialystok, "budzet-obywatelski", **BUDGET)) == BUDGET


def test_more_voters_than_eligible_voters_gives_no_turnout(counted):
    facts = enrich(case(counted, "budzet-obywatelski", voters=213_478))
    assert facts == {"voters": 213_478}


def test_the_case_page_labels_the_turnout_as_computed_from_the_gmina(counted, english):
    shown = {key: (label, value) for key, label, value in
             display_facts(case(counted, "budzet-obywatelski", **BUDGET))}
    assert shown["turnout"] == (
        "turnout (computed from the eligible voters of the gmina)", "14.29\u00a0%")
    assert shown["gmina_eligible_voters"] == (
        "eligible voters of the gmina (2025)", "213,477\u00a0persons")
    assert "turnout_basis" not in shown and "gmina_eligible_voters_year" not in shown


def test_a_turnout_the_case_gives_keeps_its_plain_label(counted, english):
    shown = {key: (label, value) for key, label, value in display_facts(
        case(counted, "referendum", eligible_voters=8000, votes_cast=2500))}
    assert shown["turnout"] == ("turnout", "31.25\u00a0%")


def test_the_facts_schema_declares_the_computed_turnout_read_only(english):
    properties = schema_for("budzet-obywatelski")["properties"]
    assert properties["turnout"] == {
        "type": "number", "minimum": 0, "title": "turnout", "x-unit": "%", "readOnly": True}
    assert properties["turnout_basis"]["enum"] == ["case", "gmina"]
    assert properties["gmina_eligible_voters_year"]["type"] == "integer"
