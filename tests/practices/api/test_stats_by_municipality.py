"""/api/stats/?by=municipality: the map's choropleth counts per gmina, from the one filter
path, with or without the tool beside it."""
import pytest


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world


def test_it_counts_the_selection_per_gmina(api, world):
    stats = api.json("/api/stats/", {"by": "municipality", "voivodeship": "20"})
    assert stats == {
        "by": ["municipality"],
        "total": 4,
        "rows": [{"municipality": "2010073", "count": 1},
                 {"municipality": "2061011", "count": 3}],
    }


def test_it_counts_per_gmina_and_tool_with_the_note_about_samples(api, world):
    stats = api.json("/api/stats/", {"by": "municipality,tool", "year": "2020"})
    assert "sample" in stats.pop("note")
    assert stats == {
        "by": ["municipality", "tool"],
        "total": 3,
        "rows": [
            {"municipality": "2061011", "tool": "konsultacje", "count": 1},
            {"municipality": "2061011", "tool": "budzet-obywatelski", "count": 1},
            {"municipality": "2807011", "tool": "budzet-obywatelski", "count": 1},
        ],
    }


def test_an_unknown_dimension_names_the_allowed_ones(api, world):
    errors = api.json("/api/stats/", {"by": "gmina"}, expect=400)["errors"]
    assert errors == {"by": [
        "'gmina' is not allowed: give one or more of tool, year, voivodeship, municipality, "
        "each once."
    ]}
