"""Fault tests (`make check-faults`): the production server (gunicorn with mapa/gunicorn_conf.py)
started as a separate process against the test database, and faults made for real: a TCP
proxy this test controls stands between the app server and PostgreSQL (cutting it is the
outage; the shared cluster itself is never stopped), processes killed with SIGKILL, backends
ended with pg_terminate_backend.

Tests here use `transactional_db`: the app servers are other processes and only see committed
rows. Ports come from this worktree's range (8710–8799), on 127.0.0.1 only.
"""
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"


class TcpProxy:
    """Forwards 127.0.0.1:`port` to PostgreSQL. `cut()` closes the listener and every open
    connection (the database is gone for the app server: refused connections, broken
    sessions); `restore()` listens again on the same port."""

    def __init__(self, port, target):
        self.port = port
        self.target = target
        self.listener = None
        self.is_cut = False
        self.connections = []
        self.lock = threading.Lock()

    def start(self):
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        self.is_cut = False
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # cut
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self):
        self.is_cut = True
        # shutdown() wakes the thread blocked in accept(); close() alone would leave the port
        # bound until then.
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            connections, self.connections = self.connections, []
        for end in connections:
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            end.close()

    def restore(self):
        self.start()


def database_url(port=None):
    """The test database's URL (as the app server must see it), optionally through `port`."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    return (f"postgis://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
            f"{port or db['PORT'] or 5432}/{db['NAME']}")


class AppServer:
    """gunicorn with the production configuration, as `make serve` runs it (static files from
    the finders, so no collectstatic is needed)."""

    def __init__(self, port, database_port=None, **env):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = ROOT / "test-artifacts" / f"gunicorn-{port}.log"
        self.log_path.parent.mkdir(exist_ok=True)
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "mapa.settings",
            "DATABASE_URL": database_url(database_port),
            "DEBUG": "0",
            "MAPA_MANIFEST_STATIC": "0",
            "MAPA_BIND": f"127.0.0.1:{port}",
            "MAPA_WORKERS": "1",
            "MAPA_LOG_LEVEL": "INFO",
            **env,
        }
        self.log = open(self.log_path, "w")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [str(GUNICORN), "-c", "mapa/gunicorn_conf.py"], cwd=ROOT, env=environment,
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        self.wait_ready()

    def wait_ready(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited: {self.log_path.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=5) as response:
                    if response.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.3)
        raise AssertionError(f"gunicorn did not start: {self.log_path.read_text()[-2000:]}")

    def get(self, path, headers=None, timeout=20):
        """(status, headers, body text) of a GET, whatever the status."""
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def stop(self):
        """Kills the server's processes. A test's assertions have run by now, so a graceful
        stop would only wait for the workers (about 2 s a server, up to gunicorn's graceful
        timeout when a stream is still open); PostgreSQL ends the backends of killed
        processes itself, rolling back whatever they had open."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.log.close()

    def log_text(self):
        return self.log_path.read_text()


class Servers:
    """App servers started by a fixture, all stopped when it ends."""

    def __init__(self):
        self.servers = []

    def start(self, port, **kwargs):
        server = AppServer(port, **kwargs)
        self.servers.append(server)
        return server

    def stop(self):
        for server in self.servers:
            server.stop()


@pytest.fixture
def app_server():
    """Starts app servers (AppServer arguments) and stops them when the test ends."""
    servers = Servers()
    yield servers.start
    servers.stop()


@pytest.fixture(scope="module")
def module_app_server():
    """Like `app_server`, for servers a module's tests share: starting gunicorn costs seconds,
    and the servers keep no state a test could leave behind (rows are in the database, which a
    transactional test flushes; sessions and lock-outs live there too)."""
    servers = Servers()
    yield servers.start
    servers.stop()


def _proxy_to_database():
    from django.conf import settings

    db = settings.DATABASES["default"]
    return TcpProxy(8710, (db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))).start()


@pytest.fixture
def proxy():
    tcp = _proxy_to_database()
    yield tcp
    try:
        tcp.cut()
    except OSError:
        pass


@pytest.fixture(scope="module")
def module_proxy():
    """A proxy kept for a module's tests, for a server that outlives one test: each test ends
    with the database reachable again (restored if the test cut it)."""
    tcp = _proxy_to_database()
    yield tcp
    try:
        tcp.cut()
    except OSError:
        pass


def backends(where="true"):
    """Rows (pid, state, query) of the other sessions on the test database."""
    from django.db import connection

    with connection.cursor() as cursor:
        # Inside a test's transaction PostgreSQL would keep showing its first snapshot.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT pid, state, query FROM pg_stat_activity WHERE datname = current_database()"
            f" AND pid <> pg_backend_pid() AND ({where})"  # noqa: S608 (constants from tests)
        )
        return cursor.fetchall()
