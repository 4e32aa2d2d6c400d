"""gunicorn settings of the production profile (`make serve`, docs/deploy.md).

Why gthread: the GeoJSON collections are streamed (practices/geojson.py), so one response can
take seconds for a slow client. With the sync worker that would hold a whole process; with
threads it holds one thread, and the other threads of the process keep answering. (gevent or
eventlet would need psycopg's green support and monkey-patching; ASGI is not supported, see
mapa/asgi.py.) Each thread keeps its own persistent database connection, so PostgreSQL must
allow at least workers × threads connections per app server.

Every value can be changed from the environment (MAPA_BIND, MAPA_WORKERS, MAPA_THREADS,
MAPA_SEND_TIMEOUT, MAPA_TILE_CACHE_DIR); malformed values stop start-up like the Django
settings do.
"""
import contextlib
import multiprocessing
import os
from pathlib import Path

from dotenv import load_dotenv

from mapa.env import env_int, env_str

ROOT = Path(__file__).resolve().parent.parent
# The same .env as the settings (values already in the environment win).
load_dotenv(ROOT / ".env", override=False)
# The workers share the tiles they build in a folder (MAPA_TILE_CACHE_DIR, mapa/settings.py):
# var/tile-cache of the checkout unless the environment or .env names one (empty: each worker
# keeps its own). The settings refuse a folder they cannot create, saying what to fix.
if "MAPA_TILE_CACHE_DIR" not in os.environ:
    with contextlib.suppress(OSError):
        (ROOT / "var").mkdir(exist_ok=True)
    os.environ["MAPA_TILE_CACHE_DIR"] = str(ROOT / "var" / "tile-cache")

wsgi_app = "mapa.wsgi:application"
bind = env_str("MAPA_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = env_int("MAPA_WORKERS", min(4, multiprocessing.cpu_count()), minimum=1, maximum=64)
threads = env_int("MAPA_THREADS", 4, minimum=1, maximum=64)
# A worker that stops answering its master's heartbeat for this long is restarted. With
# gthread the heartbeat comes from the worker's main loop, not from the request threads, so a
# long stream does not trip it; a blocked write is bounded by MAPA_SEND_TIMEOUT instead.
timeout = 60
graceful_timeout = 30
keepalive = 5
# Bounds the memory a long-lived process can gather.
max_requests = 5000
max_requests_jitter = 500
# One JSON line per request comes from the application (practices/pages/requestlog.py), with
# the request id; gunicorn's own access log would only repeat it. Errors still go to stderr.
accesslog = None
errorlog = "-"
# The proxy on the same machine (docs/deploy.md) may tell gunicorn the original scheme.
forwarded_allow_ips = env_str("MAPA_FORWARDED_ALLOW_IPS", "127.0.0.1")

# How long one write to a client may block. A client that stops reading a stream without
# disconnecting fills the socket's buffers; the write then fails after this many seconds, the
# server closes the connection and the stream's generator, whose transaction rolls back and
# whose database connection returns to the thread.
SEND_TIMEOUT = env_int("MAPA_SEND_TIMEOUT", 60, minimum=1, maximum=3600)


def pre_request(worker, req):
    # The client's socket, as the request parser reads it (gunicorn.http.unreader).
    sock = getattr(req.unreader, "sock", None)
    if sock is not None:
        sock.settimeout(SEND_TIMEOUT)
