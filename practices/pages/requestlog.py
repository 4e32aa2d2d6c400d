"""Structured logs: a request id for every request, one log line per request, slow statements.

Policy:
- Every request gets an id: the proxy's `X-Request-ID` when it sends a well-formed one (so
  the proxy's access log and ours share it), else a new random one. The response carries it
  in `X-Request-ID`, and every log record written while the request is handled (errors with
  their tracebacks included) carries it as `request_id`.
- `mapa.requests` logs one line per request when the response has been sent to the end
  (for a stream, after its last byte, or when the client went away): method, path, status,
  duration in milliseconds, request id.
- `mapa.db` logs each SQL statement slower than settings.MAPA_SLOW_QUERY_MS (0: none).
- Records are written as one JSON object a line (`JsonFormatter`, named in settings.LOGGING).
"""
import contextvars
import json
import logging
import re
import time
import uuid

from django.conf import settings
from django.db import connections
from django.db.backends.signals import connection_created

REQUEST_ID_HEADER = "X-Request-ID"
# What we accept from a proxy: nginx's $request_id (32 hex digits), UUIDs and the like.
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
SQL_LOGGED_CHARS = 500

request_id = contextvars.ContextVar("request_id", default="-")
requests_log = logging.getLogger("mapa.requests")
db_log = logging.getLogger("mapa.db")


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, request id, the extra fields a
    caller passed, and the traceback of an exception."""

    STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": request_id.get(),
        }
        for key, value in vars(record).items():
            if key not in self.STANDARD and not key.startswith("_") and key != "request":
                entry[key] = value if isinstance(value, (int, float, bool)) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def _timed_statement(execute, sql, params, many, context):
    started = time.monotonic()
    try:
        return execute(sql, params, many, context)
    finally:
        elapsed_ms = (time.monotonic() - started) * 1000
        threshold = settings.MAPA_SLOW_QUERY_MS
        if threshold and elapsed_ms >= threshold:
            db_log.warning(
                "slow query", extra={"duration_ms": round(elapsed_ms, 1),
                                     "sql": str(sql)[:SQL_LOGGED_CHARS]},
            )


def _watch_statements(sender, connection, **kwargs):
    if _timed_statement not in connection.execute_wrappers:
        connection.execute_wrappers.append(_timed_statement)


class RequestLogMiddleware:
    """Names each request and logs it (see the module's policy)."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Every connection, including those a stream reads from after the view returned.
        connection_created.connect(_watch_statements, dispatch_uid="mapa-slow-queries")

    def __call__(self, request):
        started = time.monotonic()
        for connection in connections.all(initialized_only=True):
            _watch_statements(None, connection)
        offered = request.headers.get(REQUEST_ID_HEADER, "")
        rid = offered if WELL_FORMED_ID.fullmatch(offered) else uuid.uuid4().hex
        request_id.set(rid)
        request.request_id = rid
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = rid

        def log_done():
            requests_log.info(
                "%s %s %s", request.method, request.path, response.status_code,
                extra={
                    "method": request.method, "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    "request_id": rid, "streaming": response.streaming,
                },
            )
            # The request is over: what this thread logs next (the next request sets its
            # own id) is no longer this request's.
            request_id.set("-")

        # Called by the server once the body is sent (or the client has gone), so a stream's
        # duration is the whole transfer's.
        response._resource_closers.append(log_done)
        return response
