"""Every request is named (X-Request-ID, kept from a proxy when well-formed) and logged in one
JSON line with its status and duration; slow statements are logged with the request id."""
import json
import logging

import pytest
from django.db import connection

from practices.pages.requestlog import JsonFormatter

pytestmark = pytest.mark.django_db


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.setFormatter(JsonFormatter())
        self.lines = []

    def emit(self, record):
        self.lines.append(json.loads(self.format(record)))


@pytest.fixture
def log_lines():
    handler = Lines()
    loggers = [logging.getLogger(name) for name in ("mapa.requests", "mapa.db")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler.lines
    for logger in loggers:
        logger.removeHandler(handler)


def test_each_request_is_logged_once_with_status_duration_and_its_id(client, log_lines):
    response = client.get("/api/tools/")
    response.close()
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    [line] = [line for line in log_lines if line["logger"] == "mapa.requests"]
    assert line["duration_ms"] >= 0
    del line["time"], line["duration_ms"]
    assert line == {
        "level": "INFO", "logger": "mapa.requests", "message": "GET /api/tools/ 200",
        "request_id": request_id, "method": "GET", "path": "/api/tools/", "status": 200,
        "streaming": False,
    }


@pytest.mark.parametrize(("offered", "kept"), [
    ("4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a", True),
    ("req-2026-12-01.a", True),
    ("short", False),
    ("x" * 65, False),
    ("bad id; <script>", False),
])
def test_a_well_formed_request_id_from_the_proxy_is_kept(client, offered, kept):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=offered)
    assert (response["X-Request-ID"] == offered) is kept


def test_a_statement_slower_than_the_threshold_is_logged_with_the_request_id(
    client, settings, log_lines
):
    settings.MAPA_SLOW_QUERY_MS = 1
    # Statements made slow for real, in this test's transaction (which the request runs in):
    # PostgreSQL compiles each plan with its JIT, tens of milliseconds a statement (on empty
    # tables the statements alone can take under a millisecond, and nothing was logged).
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = on; SET LOCAL jit_above_cost = 0")
    response = client.get("/api/stats/")
    slow = [line for line in log_lines if line["logger"] == "mapa.db"]
    assert slow, "no statement logged as slow"
    # The request's statements carry its id; the test's own SET above, outside any request,
    # carries none (not the id of a request this thread served before).
    assert {line["request_id"] for line in slow} <= {response["X-Request-ID"], "-"}
    assert len([line for line in slow if line["request_id"] == response["X-Request-ID"]]) >= 2
    assert all(line["message"] == "slow query" and line["sql"] for line in slow)


def test_a_statement_after_the_request_is_not_logged_under_its_id(client, settings, log_lines):
    settings.MAPA_SLOW_QUERY_MS = 1
    response = client.get("/api/tools/")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(0.01)")
    slow = [line for line in log_lines if line["logger"] == "mapa.db"]
    assert slow[-1]["sql"] == "SELECT pg_sleep(0.01)"
    assert slow[-1]["request_id"] == "-" != response["X-Request-ID"]
