"""`sort` orders the pages of the list (the map's list twin sorts on the server): pages in
any order visit every case once, and a bad order is a 400 naming `sort`."""
import pytest

from tests.practices.api.world import ALL_PUBLISHED, PUBLISHED


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world


def walk(api, url):
    slugs = []
    while url:
        page = api.json(url)
        assert page["numberMatched"] == len(ALL_PUBLISHED)
        slugs += [feature["properties"]["slug"] for feature in page["features"]]
        url = page["next"]
    return slugs


@pytest.mark.parametrize("sort, key, reverse", [
    ("title", lambda slug: (PUBLISHED[slug][3],), False),
    ("-year", lambda slug: (-PUBLISHED[slug][2], PUBLISHED[slug][3]), False),
    ("year", lambda slug: (PUBLISHED[slug][2], PUBLISHED[slug][3]), False),
])
def test_pages_in_an_order_visit_every_case_once_in_that_order(api, world, sort, key, reverse):
    slugs = walk(api, f"/api/practices/?sort={sort}&limit=2")
    assert slugs == sorted(ALL_PUBLISHED, key=key, reverse=reverse)


def test_sort_alone_gives_the_first_page_and_the_links_keep_it(api, world):
    page = api.json("/api/practices/", {"sort": "-year", "tool": "budzet-obywatelski"})
    assert page["numberReturned"] == 3
    assert page["next"] is None
    assert [f["properties"]["slug"] for f in page["features"]] == [
        "bo-bialystok-2020", "bo-elk-2020", "bo-bialystok-2019",
    ]
    second = api.json("/api/practices/", {"sort": "title", "limit": 1})
    assert second["next"] == "http://testserver/api/practices/?limit=1&offset=1&sort=title"


@pytest.mark.parametrize("value", ["nope", "--year", "year,title", "-"])
def test_an_unknown_order_is_a_400_naming_sort(api, world, value):
    errors = api.json("/api/practices/", {"sort": value}, expect=400)["errors"]
    assert list(errors) == ["sort"]


def test_a_search_can_be_sorted(api, world):
    page = api.json("/api/practices/", {"q": "budżet", "sort": "-year", "limit": 2})
    assert page["numberMatched"] == 3
    assert [f["properties"]["year"] for f in page["features"]] == [2020, 2020]


def test_a_sorted_page_past_the_end_or_of_nothing_is_empty(api, world):
    for params in ({"q": "nothing-like-this", "sort": "title"}, {"sort": "year", "offset": 50}):
        page = api.json("/api/practices/", params)
        assert page["features"] == []
        assert page["numberReturned"] == 0
