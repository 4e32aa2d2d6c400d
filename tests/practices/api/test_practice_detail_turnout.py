"""/api/practices/{slug}/ gives a participatory budget's turnout computed from its gmina's
eligible voters, labelled as such in its facts."""
from tests.practices.api.world import VOTERS


def test_a_budget_in_a_gmina_with_voters_has_its_turnout_computed_and_labelled(api, world):
    case = world["cases"]["bo-bialystok-2020"]
    case.facts = {"projects_voted": 40, "voters": 30512}
    case.save()

    facts = api.json(f"/api/practices/{case.slug}/")["properties"]["facts"]

    # 30,512 / 213,477 eligible voters of Białystok = 14.29 %
    assert VOTERS["bialystok"]["eligible_voters"] == 213_477
    assert facts == {
        "projects_voted": 40,
        "voters": 30512,
        "turnout": 14.29,
        "turnout_basis": "gmina",
        "gmina_eligible_voters": 213_477,
        "gmina_eligible_voters_year": 2025,
    }


def test_a_budget_in_a_gmina_without_voters_has_no_turnout(api, world):
    case = world["cases"]["bo-elk-2020"]
    case.facts = {"voters": 5000}
    case.save()

    assert api.json(f"/api/practices/{case.slug}/")["properties"]["facts"] == {"voters": 5000}
