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


def strings(value):
    """Every string in a parsed JSON document, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_every_hidden_title_has_polish_letters():
    # The API writes UTF-8 as is; a title with only ASCII would not prove that a search of
    # the parsed response finds what json.dumps would have escaped.
    assert all(set(title) & set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
               for _gmina, _tool, _year, title, _extra in HIDDEN.values())


@pytest.mark.parametrize("url", ENDPOINTS)
def test_no_hidden_case_is_mentioned(api, world, url):
    response = api.get(url)
    assert response.status_code == 200
    texts = list(strings(json.loads(api.body(response))))
    assert texts  # the published cases and gminy are there to be searched
    for slug, (_gmina, _tool, _year, title, _extra) in HIDDEN.items():
        assert not [text for text in texts if slug in text or title in text], slug


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
