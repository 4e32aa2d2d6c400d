"""What a signed-in member or moderator is shown never reaches anyone else through a cache:
answers to signed-in requests are `Cache-Control: private` on every route, and results the
server caches (practices.caching.cached, the data version) are never built from what a
signed-in user may see."""
import pytest

from tests.practices.visibility.conftest import Fetcher, client_for
from tests.practices.visibility.routes import ROUTES
from tests.practices.visibility.test_who_sees_what import problems

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_the_public_sees_only_published_cases_after_the_author_and_a_moderator_asked(
        world, route):
    for role in ("moderator", "author"):
        fetch = Fetcher(client_for(world, role))
        for case in world.cases:
            fetch(route.url(world, case))
    assert problems(world, route, "anonymous", Fetcher(client_for(world, "anonymous"))) == []


@pytest.mark.parametrize("role", ["author", "moderator", "other_member"])
@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_every_answer_to_a_signed_in_user_is_private(world, route, role):
    fetch = Fetcher(client_for(world, role))
    for case in world.cases:
        response = fetch(route.url(world, case))
        if response.status_code == 200:
            control = response.get("Cache-Control", "")
            assert "private" in control and "public" not in control, (route.url(world, case),
                                                                      control)
            assert "Cookie" in response.get("Vary", "")


@pytest.mark.parametrize("url", ["/api/practices/{}/", "/praktyki/{}/"])
def test_the_author_reads_a_private_case_then_the_public_gets_404(world, url):
    case = world.hidden["submitted"]
    author = client_for(world, "author")
    seen = author.get(url.format(case.slug))
    assert seen.status_code == 200
    assert "private" in seen["Cache-Control"]
    # Revalidating with the author's validators changes nothing for the public.
    anonymous = client_for(world, "anonymous")
    headers = {}
    if seen.has_header("ETag"):
        headers["HTTP_IF_NONE_MATCH"] = seen["ETag"]
    assert anonymous.get(url.format(case.slug), **headers).status_code == 404
    assert anonymous.get(url.format(case.slug)).status_code == 404


@pytest.mark.parametrize("path", ["/", "/embed/", "/api/points/", "/praktyki/praktyka-jawna/"])
def test_anonymous_answers_stay_public_and_cookie_free(world, path):
    response = client_for(world, "anonymous").get(path)
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")
    assert not response.cookies
