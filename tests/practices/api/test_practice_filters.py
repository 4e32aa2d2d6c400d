"""Each filter of /api/practices/, and their combinations, select exactly the published cases
worked out by hand in tests/practices/api/world.py."""
import pytest

from tests.practices.api.conftest import slugs
from tests.practices.api.world import FILTER_CASES


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world

IDS = [str(params) for params, _expected in FILTER_CASES]


@pytest.mark.parametrize(("params", "expected"), FILTER_CASES, ids=IDS)
def test_it_selects_the_cases_the_filters_describe(api, world, params, expected):
    assert slugs(api.json("/api/practices/", params)) == sorted(expected)


@pytest.mark.parametrize(("params", "expected"), FILTER_CASES, ids=IDS)
def test_a_paged_list_selects_the_same_cases(api, world, params, expected):
    page = api.json("/api/practices/", {**params, "limit": 1000})
    assert slugs(page) == sorted(expected)
    assert page["numberMatched"] == len(expected)
