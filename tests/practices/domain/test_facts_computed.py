"""Computed facts (a referendum's turnout and validity, the signatures an initiative needs)
follow the thresholds stored in the tool's rules, not numbers in the code."""
import pytest

from practices.domain.facts import enrich
from practices.models import ParticipationTool, Practice
from tests.factories import make_practice


def referendum(gmina, **facts):
    practice = make_practice(gmina, "referendum", facts=facts)
    return Practice.objects.select_related("tool").get(pk=practice.pk)


def set_rules(slug, **rules):
    tool = ParticipationTool.objects.get(slug=slug)
    tool.rules = {**tool.rules, **rules}
    tool.save()


@pytest.mark.parametrize(("threshold", "valid"), [(30, True), (31.25, True), (31.26, False)])
def test_a_local_referendum_is_valid_when_turnout_reaches_the_rule(bialystok, threshold, valid):
    set_rules("referendum", valid_turnout_percent=threshold)
    case = referendum(bialystok, type="local_matter", eligible_voters=8000, votes_cast=2500)
    facts = enrich(case)
    assert facts["turnout"] == 31.25
    assert facts["valid"] is valid


@pytest.mark.parametrize(("share", "valid"), [(0.6, True), (0.7, False)])
def test_a_recall_is_valid_against_the_turnout_of_the_recalled_bodys_election(
    bialystok, share, valid
):
    # Turnout 10% is far below 30%, but 600 voters are 3/5 of the 1,000 in the election.
    set_rules("referendum", recall_turnout_share_of_election=share)
    case = referendum(bialystok, type="recall_mayor", eligible_voters=6000, votes_cast=600,
                      election_votes=1000)
    assert enrich(case)["turnout"] == 10.0
    assert enrich(case)["valid"] is valid


def test_a_recall_without_the_election_turnout_has_no_validity(bialystok):
    case = referendum(bialystok, type="recall_council", eligible_voters=6000, votes_cast=600)
    assert "valid" not in enrich(case)
    assert enrich(case)["turnout"] == 10.0


def test_without_a_threshold_in_the_rules_validity_is_left_out(bialystok):
    tool = ParticipationTool.objects.get(slug="referendum")
    tool.rules = {}
    tool.save()
    case = referendum(bialystok, type="local_matter", eligible_voters=100, votes_cast=50)
    assert enrich(case) == {
        "type": "local_matter", "eligible_voters": 100, "votes_cast": 50, "turnout": 50.0,
        "turnout_basis": "case",
    }


def test_the_stored_facts_stay_free_of_computed_values(bialystok):
    case = referendum(bialystok, type="local_matter", eligible_voters=100, votes_cast=50)
    enrich(case)
    case.refresh_from_db()
    assert "turnout" not in case.facts


@pytest.mark.parametrize(
    ("population", "collected", "expected"),
    [
        (4000, 120, {"signatures_required": 100, "signatures_sufficient": True}),
        (15000, 150, {"signatures_required": 200, "signatures_sufficient": False}),
        (300000, 300, {"signatures_required": 300, "signatures_sufficient": True}),
        (None, 300, {}),
    ],
)
def test_an_initiative_needs_the_signatures_its_gminas_size_requires(
    bialystok, population, collected, expected
):
    bialystok.population = population
    bialystok.save()
    case = make_practice(bialystok, "inicjatywa-uchwalodawcza",
                         facts={"signatures_collected": collected})
    facts = enrich(Practice.objects.get(pk=case.pk))
    assert facts == {"signatures_collected": collected, **expected}
