"""/api/stats/: counts of published cases by tool × year, or by voivodeship, honouring the
case filters."""
import pytest


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world


def test_it_counts_by_tool_and_year_by_default(api, world):
    stats = api.json("/api/stats/")
    assert "sample" in stats.pop("note")
    assert stats == {
        "by": ["tool", "year"],
        "total": 7,
        "rows": [
            {"tool": "konsultacje", "year": 2020, "count": 1},
            {"tool": "budzet-obywatelski", "year": 2019, "count": 1},
            {"tool": "budzet-obywatelski", "year": 2020, "count": 2},
            {"tool": "fundusz-solecki", "year": 2021, "count": 1},
            {"tool": "referendum", "year": 2018, "count": 1},
            {"tool": "panel-obywatelski", "year": 2022, "count": 1},
        ],
    }


def test_it_counts_by_voivodeship(api, world):
    stats = api.json("/api/stats/", {"by": "voivodeship"})
    assert stats["rows"] == [
        {"voivodeship": "14", "voivodeship_name": "mazowieckie", "count": 1},
        {"voivodeship": "20", "voivodeship_name": "podlaskie", "count": 4},
        {"voivodeship": "28", "voivodeship_name": "warmińsko-mazurskie", "count": 2},
    ]


def test_it_counts_by_tool_year_and_voivodeship_with_filters(api, world):
    stats = api.json("/api/stats/", {"by": "tool,year,voivodeship",
                                      "tool": "budzet-obywatelski"})
    assert stats["total"] == 3
    assert stats["rows"] == [
        {"tool": "budzet-obywatelski", "year": 2019, "voivodeship": "20",
         "voivodeship_name": "podlaskie", "count": 1},
        {"tool": "budzet-obywatelski", "year": 2020, "voivodeship": "20",
         "voivodeship_name": "podlaskie", "count": 1},
        {"tool": "budzet-obywatelski", "year": 2020, "voivodeship": "28",
         "voivodeship_name": "warmińsko-mazurskie", "count": 1},
    ]


def test_counts_without_samples_have_no_note(api, world):
    stats = api.json("/api/stats/", {"voivodeship": "20", "by": "year"})
    assert stats == {
        "by": ["year"],
        "total": 4,
        "rows": [{"year": 2019, "count": 1}, {"year": 2020, "count": 2},
                 {"year": 2021, "count": 1}],
    }


def test_counts_with_samples_say_so(api, world):
    assert "sample" in api.json("/api/stats/", {"voivodeship": "28"})["note"]


def test_search_narrows_the_counts(api, world):
    stats = api.json("/api/stats/", {"q": "budzet", "by": "tool"})
    assert stats["rows"] == [{"tool": "budzet-obywatelski", "count": 3}]


def test_rows_follow_the_order_of_by_first_year_then_the_tools_order(api, world):
    stats = api.json("/api/stats/", {"by": "year,tool", "voivodeship": "20"})
    assert stats == {
        "by": ["year", "tool"],
        "total": 4,
        "rows": [
            {"year": 2019, "tool": "budzet-obywatelski", "count": 1},
            {"year": 2020, "tool": "konsultacje", "count": 1},
            {"year": 2020, "tool": "budzet-obywatelski", "count": 1},
            {"year": 2021, "tool": "fundusz-solecki", "count": 1},
        ],
    }
    body = api.body(api.get("/api/stats/", {"by": "year,tool", "voivodeship": "20"}))
    assert body.startswith(b'{"by":["year","tool"],"total":4,"rows":[{"year":2019,"tool":')


def test_an_empty_selection_has_a_zero_total_and_no_rows(api, world):
    assert api.json("/api/stats/", {"year": "1995", "by": "municipality,tool"}) == {
        "by": ["municipality", "tool"], "total": 0, "rows": [],
    }
