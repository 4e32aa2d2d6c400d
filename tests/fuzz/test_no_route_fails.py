"""No query string makes a route fail: every page, the embed, oEmbed, the exports and every
API endpoint answer 2xx, 3xx, 400 or 404 to any parameters, over full Unicode (other
scripts' digits, combining marks, symbols, NUL, very long strings, repeated parameters),
never a 5xx (oEmbed's 501 for a format other than json excepted, as its specification says)."""
import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz.routes import ALLOWED, DATA, EXTRA, ROUTES, url
from tests.fuzz.strategies import queries

# test_tricky_values.py already sends every hostile value, alone and repeated, to every
# parameter of every route; these add random mixtures of them and arbitrary Unicode. Being
# derandomized, they replay the same examples every run (a fixed regression set, not a new
# search), so their number is kept to what covers the strategies' branches: 30 per data route
# and 15 per page (pages render HTML, ~0.1 s a request).
HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
FUZZ = settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=HEALTH)
FUZZ_PAGE = settings(max_examples=15, deadline=None, derandomize=True,
                     suppress_health_check=HEALTH)


@pytest.mark.parametrize("path", list(ROUTES))
def test_any_query_gets_an_answer_that_is_not_a_server_error(fuzz_client, path):
    @(FUZZ if path in DATA and path != "/api/schema/" else FUZZ_PAGE)
    @given(pairs=queries(ROUTES[path]))
    def check(pairs):
        address = url(path, pairs)
        response = fuzz_client.get(address, HTTP_ACCEPT_LANGUAGE="en")
        allowed = ALLOWED | EXTRA.get(path, set())
        assert response.status_code in allowed, (address, response.status_code)
        if response.streaming:
            b"".join(response.streaming_content)  # a stream that fails midway fails here

    check()
