"""limit/offset page the list OGC API – Features style, with next/previous links that keep
the filters."""
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.practices.api.conftest import slugs
from tests.practices.api.world import ALL_PUBLISHED


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world


def test_following_next_links_visits_every_case_once_in_id_order(api, world):
    ids, url, pages = [], "/api/practices/?limit=3", 0
    while url:
        page = api.json(url)
        assert page["numberMatched"] == 7
        assert page["numberReturned"] == len(page["features"])
        ids += [feature["id"] for feature in page["features"]]
        url = page["next"]
        pages += 1
    expected = sorted(world["cases"][slug].pk for slug in ALL_PUBLISHED)
    assert ids == expected
    assert pages == 3


def test_a_page_has_the_paging_members(api, world):
    page = api.json("/api/practices/", {"limit": 2, "offset": 2})
    assert page["type"] == "FeatureCollection"
    assert page["numberMatched"] == 7
    assert page["numberReturned"] == 2
    assert page["next"] == "http://testserver/api/practices/?limit=2&offset=4"
    assert page["previous"] == "http://testserver/api/practices/?limit=2&offset=0"


def test_the_last_page_has_no_next_link(api, world):
    page = api.json("/api/practices/", {"limit": 5, "offset": 5})
    assert page["numberReturned"] == 2
    assert page["next"] is None


def test_the_first_page_has_no_previous_link(api, world):
    assert api.json("/api/practices/", {"limit": 5})["previous"] is None


def test_links_keep_the_filters(api, world):
    page = api.json("/api/practices/", {"tool": "budzet-obywatelski", "voivodeship": "20,28",
                                        "limit": 1})
    query = parse_qs(urlsplit(page["next"]).query)
    assert query == {"tool": ["budzet-obywatelski"], "voivodeship": ["20,28"],
                     "limit": ["1"], "offset": ["1"]}
    second = api.json(page["next"])
    assert second["numberMatched"] == 3
    assert slugs(second) == ["bo-bialystok-2020"]


def test_an_offset_alone_pages_with_the_default_limit(api, world):
    page = api.json("/api/practices/", {"offset": 6})
    assert page["numberReturned"] == 1
    assert page["next"] is None
    assert "limit=100" in page["previous"]


def test_an_offset_past_the_end_is_an_empty_page(api, world):
    page = api.json("/api/practices/", {"limit": 10, "offset": 50})
    assert page["features"] == []
    assert page["numberMatched"] == 7
    assert page["next"] is None


def test_a_page_with_a_sample_has_the_note(api, world):
    page = api.json("/api/practices/", {"municipality": "2807011", "limit": 10})
    assert "sample" in page["note"]
    assert "note" not in api.json("/api/practices/", {"municipality": "2061011", "limit": 10})
