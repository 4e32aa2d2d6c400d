"""Draft, submitted, rejected and archived cases never appear in any endpoint, count or stat."""
import json

import pytest

from tests.practices.api.world import HIDDEN


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world

ENDPOINTS = [
    "/api/practices/",
    "/api/practices/?limit=100",
    "/api/municipalities/",
    "/api/municipalities/2061011/",
    "/api/tools/",
    "/api/stats/",
    "/api/stats/?by=tool,year,voivodeship",
]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_no_hidden_case_is_mentioned(api, world, url):
    text = api.body(api.get(url)).decode()
    for slug, (_gmina, _tool, _year, title, _extra) in HIDDEN.items():
        assert slug not in text
        assert json.dumps(title)[1:-1] not in text


def test_every_count_is_of_the_seven_published_cases(api, world):
    assert len(api.json("/api/practices/")["features"]) == 7
    assert api.json("/api/practices/", {"limit": 1})["numberMatched"] == 7
    gminy = api.json("/api/municipalities/")["features"]
    assert sum(g["properties"]["practice_count"] for g in gminy) == 7
    assert sum(sum(g["properties"]["counts"].values()) for g in gminy) == 7
    assert sum(tool["practice_count"] for tool in api.json("/api/tools/")) == 7
    assert api.json("/api/stats/")["total"] == 7
    assert sum(row["count"] for row in api.json("/api/stats/", {"by": "voivodeship"})["rows"]) == 7


@pytest.mark.parametrize("slug", sorted(HIDDEN))
def test_a_hidden_case_matching_every_filter_is_still_left_out(api, world, slug):
    case = world["cases"][slug]
    params = {"tool": case.tool.slug, "year": case.year, "municipality": case.municipality_id}
    assert all(f["properties"]["slug"] != slug
               for f in api.json("/api/practices/", params)["features"])
