"""With PostgreSQL unreachable while serving, pages answer a friendly 503 page and the API a
JSON 503, both with Retry-After and no traceback, /healthz says 503; all recover on their own,
without a restart, when the database is back."""
import json
import time

import pytest

from tests.factories import make_municipality, make_practice
from tests.fixed_ports import FIXED_PORTS

pytestmark = [FIXED_PORTS, pytest.mark.django_db(transaction=True)]

PAGES = [
    ("/praktyki/bo-2020/", "pl", "Mapa jest chwilowo niedostępna"),
    ("/en/practices/bo-2020/", "en", "The map is temporarily unavailable"),
    ("/gminy/2061011/", "pl", "Mapa jest chwilowo niedostępna"),
]
API = ["/api/practices/", "/api/practices/bo-2020/", "/api/municipalities/2061011/"]


@pytest.fixture(scope="module")
def shared_server(django_db_setup, module_app_server, module_proxy):
    """One gunicorn for the module, connected through the proxy (see `proxy`)."""
    return module_app_server(8711, database_port=module_proxy.port)


@pytest.fixture
def proxy(module_proxy):
    """The module's proxy; a test that cuts it gets it restored when it ends, so the next
    test starts with the database reachable (the server's broken connections are then
    replaced, as test_pages_and_api_recover_on_their_own_when_the_database_is_back proves)."""
    yield module_proxy
    if module_proxy.is_cut:
        module_proxy.restore()


@pytest.fixture
def server(shared_server, proxy):
    make_practice(make_municipality("2061011", "Białystok"), slug="bo-2020", title="BO 2020")
    return shared_server


def test_everything_answers_while_the_database_is_there(server):
    for path, _language, _title in PAGES:
        assert server.get(path)[0] == 200
    for path in API:
        assert server.get(path)[0] == 200
    status, _headers, body = server.get("/healthz")
    assert status == 200
    assert json.loads(body) == {"status": "ok", "database": "ok", "postgis": "3.3.2"}


@pytest.mark.parametrize(("path", "language", "title"), PAGES)
def test_a_page_answers_a_friendly_503_in_its_language_while_the_database_is_down(
    server, proxy, path, language, title
):
    proxy.cut()
    status, headers, body = server.get(path)
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert f'<html lang="{language}">' in body
    assert f"<h1>{title}</h1>" in body
    assert "Traceback" not in body and "OperationalError" not in body


@pytest.mark.parametrize("path", API)
def test_the_api_answers_a_json_503_while_the_database_is_down(server, proxy, path):
    proxy.cut()
    status, headers, body = server.get(path, headers={"Accept-Language": "en"})
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body) == {"errors": {"service": [
        "The database is unavailable for a moment. Please try again shortly."
    ]}}


def test_health_says_503_while_the_database_is_down(server, proxy):
    proxy.cut()
    status, headers, body = server.get("/healthz")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert json.loads(body) == {"status": "unavailable", "database": "unavailable",
                                "postgis": "unavailable", "error": "OperationalError"}


def test_pages_and_api_recover_on_their_own_when_the_database_is_back(server, proxy):
    proxy.cut()
    for path in ["/healthz", PAGES[0][0], API[0]] * 3:
        assert server.get(path)[0] == 503
    proxy.restore()
    # Every thread of the worker, each with its own (now broken) connection, answers again.
    for path in ["/healthz", PAGES[0][0], PAGES[1][0], API[0], API[1]] * 4:
        assert server.get(path)[0] == 200, path


def test_the_log_has_the_outage_with_the_request_id_and_no_traceback_reaches_the_client(
    server, proxy
):
    proxy.cut()
    status, headers, _body = server.get(API[0])
    assert status == 503
    request_id = headers["X-Request-ID"]

    def lines_of_the_request():
        return [json.loads(line) for line in server.log_text().splitlines()
                if line.startswith("{") and request_id in line]

    # The request's own line is written once the response is closed, just after it is sent.
    deadline = time.monotonic() + 10
    while len(lines := lines_of_the_request()) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert {(line["logger"], line["level"]) for line in lines} >= {
        ("django.request", "ERROR"), ("mapa.requests", "INFO"),
    }
    error = next(line for line in lines if line["logger"] == "django.request")
    assert "OperationalError" in error["exception"]
    done = next(line for line in lines if line["logger"] == "mapa.requests")
    assert done["status"] == 503 and done["path"] == API[0]
