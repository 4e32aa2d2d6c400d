"""Who sees what, on every public route: {anonymous, the author, another member, a moderator}
× every route of routes.py × a published case and one case of each non-public status.

The rule (practices/domain/querysets.py): only published cases are public. A case's own page
(the HTML page and the API detail) is also shown to its author and to moderators; every other
surface (lists, the map's data, counts, statistics, ranking, tiles, feeds, OGC, exports, the
embed, oEmbed) shows published cases only, to everyone, so that a cached public answer can never
hold private data. A held edit (a submission waiting for review) shows nowhere."""
import pytest

from tests.practices.visibility.conftest import Fetcher, client_for
from tests.practices.visibility.routes import ROUTES, text
from tests.practices.visibility.world import HELD, ROLES

pytestmark = pytest.mark.django_db


def expected(world, route, role, case):
    if route.own:
        return world.may_see_own_page(role, case)
    return case.status == "published"


def problems(world, route, role, fetch):
    found = []
    for case in world.cases:
        url = route.url(world, case)
        response = fetch(url)
        should = expected(world, route, role, case)
        wanted_status = 200 if should else route.absent
        if response.status_code != wanted_status:
            found.append(f"{case.status}: {url} answered {response.status_code}, "
                         f"expected {wanted_status}")
            continue
        seen = response.status_code == 200 and route.find(response, world, case)
        if seen != should:
            found.append(f"{case.status}: {url} {'shows' if seen else 'hides'} the case")
        if response.status_code == 200 and HELD in text(response):
            found.append(f"{url} shows the held edit's text")
    return found


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_each_user_sees_exactly_the_cases_the_route_may_show(world, route, role):
    assert problems(world, route, role, Fetcher(client_for(world, role))) == []
