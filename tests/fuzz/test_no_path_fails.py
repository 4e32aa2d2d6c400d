"""No path segment makes a route fail: a gmina code, a case or tool slug or an export format
of any Unicode text answers 200, a redirect, 400 or 404, never a 5xx."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.routes import ALLOWED, PATH_ROUTES, segment
from tests.fuzz.strategies import NEAR_VALID, TRICKY, values

# test_tricky_values.py tries every hostile value in every path segment; these add arbitrary
# Unicode, the same derandomized examples every run (see test_no_route_fails.py).
FUZZ = settings(max_examples=25, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@pytest.mark.parametrize("template", PATH_ROUTES)
def test_any_path_segment_gets_an_answer_that_is_not_a_server_error(fuzz_client, template):
    @FUZZ
    @given(text=st.one_of(values(), st.sampled_from(NEAR_VALID + TRICKY)).filter(bool))
    def check(text):
        address = template.format(segment(text))
        response = fuzz_client.get(address, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code in ALLOWED, (address, response.status_code)

    check()
