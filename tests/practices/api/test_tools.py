"""/api/tools/: the taxonomy with the number of published cases of each tool."""
import pytest

from practices.domain.tools import TOOLS


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world


def test_it_lists_every_tool_in_order_with_its_public_fields(api, world):
    tools = api.json("/api/tools/")
    assert [tool["slug"] for tool in tools] == [tool["slug"] for tool in TOOLS]
    referendum = next(tool for tool in TOOLS if tool["slug"] == "referendum")
    assert tools[4] == {
        "slug": "referendum",
        "name_pl": referendum["name_pl"],
        "name_en": referendum["name_en"],
        "description_pl": referendum["description_pl"],
        "description_en": referendum["description_en"],
        "legal_basis": referendum["legal_basis"],
        "color": referendum["color"],
        "icon": referendum["icon"],
        "practice_count": 1,
    }


def test_counts_are_of_published_cases(api, world):
    counts = {tool["slug"]: tool["practice_count"] for tool in api.json("/api/tools/")}
    assert counts == {
        "konsultacje": 1, "budzet-obywatelski": 3, "fundusz-solecki": 1,
        "inicjatywa-uchwalodawcza": 0, "referendum": 1, "mlodziezowa-rada": 0,
        "rada-seniorow": 0, "inicjatywa-lokalna": 0, "panel-obywatelski": 1, "inne": 0,
    }


def test_counts_honour_the_case_filters(api, world):
    tools = api.json("/api/tools/", {"voivodeship": "20", "year_from": "2020"})
    counts = {tool["slug"]: tool["practice_count"] for tool in tools if tool["practice_count"]}
    assert counts == {"konsultacje": 1, "budzet-obywatelski": 1, "fundusz-solecki": 1}
