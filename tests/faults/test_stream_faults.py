"""A GeoJSON stream is bounded and never lies: a client that stops reading without
disconnecting is cut off within the send timeout, which frees the server's thread and its
database transaction; a database error once the stream has started breaks the transfer, so
the client never receives a complete-looking document."""
import http.client
import json
import socket
import time

import pytest
from django.db import connection, transaction

from geodata.models import County, Municipality, Voivodeship
from practices.models import ParticipationTool, Practice, Status
from tests.factories import make_municipality
from tests.faults.conftest import backends
from tests.fixed_ports import FIXED_PORTS

pytestmark = [FIXED_PORTS, pytest.mark.django_db]

# Enough features (about 300 bytes each) that the collection cannot fit in the sockets'
# buffers between the server and a client that has stopped reading.
CASES = 30_000
SEARCH_TRIGGER = "practices_practice_search_vector"  # practices/migrations/0003_search.py
REQUEST = b"GET /api/practices/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n"


@pytest.fixture(scope="module")
def many_cases(django_db_setup, django_db_blocker):
    """Committed once for the module (the app servers are other processes), removed after.

    Made in SQL, not through the ORM: one case from the ORM, copied CASES - 1 times by one
    INSERT ... SELECT, with the full-text trigger off during the copy (together about 30 times
    faster than bulk_create; the trigger alone is most of the SQL's time). The copies carry
    the first case's `search_vector`, which the stream never reads. Removed with
    one DELETE, not the ORM's, which would send a signal and write a history row per case."""
    with django_db_blocker.unblock():
        gmina = make_municipality("2061011", "Białystok")
        tool = ParticipationTool.objects.get(slug="budzet-obywatelski")
        first = Practice.objects.bulk_create([
            Practice(title="Budżet obywatelski 0", slug="bo-00000", tool=tool,
                     municipality=gmina, year=2015, status=Status.PUBLISHED,
                     location=gmina.point)
        ])[0]
        # The same values the ORM would give case i (`%%` is a literal % beside parameters).
        generated = {"title": "'Budżet obywatelski ' || i",
                     "slug": "'bo-' || lpad(i::text, 5, '0')", "year": "2015 + i %% 10"}
        columns = [field.column for field in Practice._meta.concrete_fields
                   if not field.primary_key]
        table = Practice._meta.db_table
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {SEARCH_TRIGGER}")
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)})"  # noqa: S608 (model's columns)
                f" SELECT {', '.join(generated.get(c, f'first.{c}') for c in columns)}"
                f" FROM {table} AS first, generate_series(1, %s) AS i WHERE first.id = %s",
                [CASES - 1, first.pk],
            )
            # The foreign keys are checked at commit; the table cannot be altered before.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {SEARCH_TRIGGER}")
        assert Practice.objects.filter(status=Status.PUBLISHED).count() == CASES
    yield
    with django_db_blocker.unblock():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {Practice._meta.db_table}")  # noqa: S608
        for model in (Municipality, County, Voivodeship):
            model.objects.all().delete()


def stalled_client(server):
    """A client that sends the request, reads the first bytes, then stops reading."""
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    client.connect(("127.0.0.1", server.port))
    client.sendall(REQUEST)
    head = client.recv(1024)
    assert head.startswith(b"HTTP/1.1 200")
    return client


def in_transaction():
    return backends("state LIKE 'idle in transaction%' OR state = 'active'")


def wait_until(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_client_that_stops_reading_is_cut_off_and_frees_the_thread_and_the_transaction(
    app_server, many_cases
):
    # One thread: while the stalled stream holds it, nothing else could be answered.
    server = app_server(8712, MAPA_THREADS="1", MAPA_SEND_TIMEOUT="3",
                        MAPA_DB_IDLE_IN_TRANSACTION_TIMEOUT="600")
    client = stalled_client(server)
    try:
        assert wait_until(lambda: in_transaction(), 10), "the stream never opened its cursor"
        started = time.monotonic()
        # The server's write times out, the connection closes, the transaction rolls back.
        assert wait_until(lambda: not in_transaction(), 20), in_transaction()
        status, _headers, body = server.get("/healthz", timeout=20)
        assert status == 200 and json.loads(body)["status"] == "ok"
        assert time.monotonic() - started < 20
    finally:
        client.close()
    logged = [json.loads(line) for line in server.log_text().splitlines()
              if line.startswith('{"') and '"mapa.requests"' in line]
    assert [(line["path"], line["streaming"]) for line in logged if line["streaming"]] == [
        ("/api/practices/", True)
    ]


def test_the_database_ends_a_transaction_left_idle_by_a_stalled_stream(app_server, many_cases):
    # The send timeout is long here: PostgreSQL's idle-in-transaction timeout acts first.
    server = app_server(8713, MAPA_SEND_TIMEOUT="600", MAPA_DB_IDLE_IN_TRANSACTION_TIMEOUT="2")
    client = stalled_client(server)
    try:
        assert wait_until(lambda: in_transaction(), 10), "the stream never opened its cursor"
        assert wait_until(lambda: not in_transaction(), 10), in_transaction()
    finally:
        client.close()


def test_a_database_error_mid_stream_breaks_the_transfer_instead_of_ending_the_json(
    app_server, many_cases
):
    server = app_server(8714, MAPA_SEND_TIMEOUT="600", MAPA_DB_IDLE_IN_TRANSACTION_TIMEOUT="600")
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    connection.request("GET", "/api/practices/")
    response = connection.getresponse()
    assert response.status == 200
    first = response.read(100_000)
    assert first.startswith(b'{"type":"FeatureCollection","features":[')
    assert wait_until(lambda: in_transaction(), 10)
    from django.db import connection as test_connection

    with test_connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname ="
            " current_database() AND pid <> pg_backend_pid()"
            " AND (state LIKE 'idle in transaction%%' OR state = 'active')"
        )
    with pytest.raises(http.client.IncompleteRead) as broken:
        response.read()
    body = first + broken.value.partial
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)
    connection.close()
    assert "StreamAborted" in server.log_text()
