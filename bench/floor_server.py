"""The floor's statements served over HTTP: the least any web server can add to them.

A bare WSGI application, run by bench.api on the same gunicorn with the same workers as the
product, that answers a product path (its path and query string) by running the floor
statement bench/floors.py wrote for it and sending the text it returns, with its length. It
imports nothing from the product and nothing from Django: psycopg, two connections per worker
(one per planner setting a statement needs: each runs as the floor found it fastest,
bench.floors.best_planner),
its text taken as the bytes PostgreSQL sends, and the statements from the file bench.api
writes (STATEMENTS, read again whenever it names a path not seen yet).

`/` answers `ok` once the worker is up (the server's readiness check)."""
import json
import os
from pathlib import Path

import psycopg
from psycopg.adapt import Loader

STATEMENTS = Path(os.environ.get("MAPA_BENCH_FLOOR_STATEMENTS", "floor-statements.json"))
_statements = {}
_connections = {}


class _Bytes(Loader):
    def load(self, data):
        return bytes(data)


def _connection(planner):
    """A connection with the (setting, value) pairs of `planner`."""
    key = tuple(tuple(pair) for pair in planner)
    if key not in _connections:
        url = os.environ["DATABASE_URL"].replace("postgis://", "postgresql://", 1)
        options = " ".join(f"-c {name}={value}" for name, value in key)
        connection = psycopg.connect(url, autocommit=True, client_encoding="UTF8",
                                     cursor_factory=psycopg.ClientCursor, options=options)
        connection.adapters.register_loader("text", _Bytes)
        _connections[key] = connection
    return _connections[key]


def _statement(key):
    if key not in _statements:
        _statements.update(json.loads(STATEMENTS.read_text()))
    return _statements[key]


def application(environ, start_response):
    query = environ.get("QUERY_STRING", "")
    key = environ.get("PATH_INFO", "") + (f"?{query}" if query else "")
    if key == "/":
        body = b"ok"
    else:
        sql, values, planner = _statement(key)
        body = _connection(planner).execute(sql, values).fetchone()[0]
    start_response("200 OK", [("Content-Type", "application/json"),
                              ("Content-Length", str(len(body)))])
    return [body]
