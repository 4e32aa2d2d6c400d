"""Two app servers, one database, one Redis: the servers keep no state of their own. A case
published through a write on one is visible through the other at once (page, API, statistics
and a fresh ETag), a deletion made through one server's admin too, and a session opened on one
server is valid on the other.

Real processes: Debian's redis-server (bin/setup-system --browser installs it) and two
gunicorn servers on ports of this worktree's range, with REDIS_URL and the test database."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from practices.models import Practice, Status
from tests.factories import make_municipality, make_practice
from tests.fixed_ports import FIXED_PORTS

ROOT = Path(__file__).resolve().parents[2]
REDIS_PORT, PORT_A, PORT_B = 8379, 8381, 8382
PASSWORD = "admin-password"

pytestmark = [FIXED_PORTS, pytest.mark.skipif(
    shutil.which("redis-server") is None,
    reason="redis-server is missing: run bin/setup-system --browser",
)]


def wait_for(port, path=None, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if path is None:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return
            if requests.get(f"http://127.0.0.1:{port}{path}", timeout=2).status_code == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"nothing answered on 127.0.0.1:{port} within {seconds} s")


def kill_server(process):
    """Kills a gunicorn master and its workers (its own process group) once the module's
    tests have run: a graceful stop would only wait for the workers, seconds a server."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def redis_url():
    process = subprocess.Popen(
        ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(REDIS_PORT)
        yield f"redis://127.0.0.1:{REDIS_PORT}/0"
    finally:
        stop(process)


@pytest.fixture(scope="module")
def server_env(redis_url, django_db_setup):
    """The environment of a server on the test database, with the shared Redis."""
    db = connection.settings_dict
    url = (f"postgis://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/"
           f"{db['NAME']}")
    return {**os.environ, "DATABASE_URL": url, "REDIS_URL": redis_url, "DEBUG": "0",
            "DJANGO_SETTINGS_MODULE": "mapa.settings"}


@pytest.fixture(scope="module")
def running_servers(server_env):
    """Two gunicorn servers, A and B: {name: base URL}."""
    processes = {
        name: subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "mapa.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "1", "--log-level", "warning"],
            cwd=ROOT, env=server_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for name, port in (("A", PORT_A), ("B", PORT_B))
    }
    try:
        for port in (PORT_A, PORT_B):
            wait_for(port, "/api/tools/")
        yield {"A": f"http://127.0.0.1:{PORT_A}", "B": f"http://127.0.0.1:{PORT_B}"}
    finally:
        for process in processes.values():
            kill_server(process)


@pytest.fixture
def servers(running_servers, redis_url, transactional_db):
    """The servers over committed rows (transactional), their shared Redis emptied first:
    the flush that ends each test bypasses the servers' cache."""
    redis.Redis.from_url(redis_url).flushall()
    return running_servers


@pytest.fixture
def catalogue():
    gmina = make_municipality("2061011", "Białystok")
    make_practice(gmina, "konsultacje", 2024, title="Konsultacje parku", slug="park")
    make_practice(gmina, "budzet-obywatelski", 2024, title="Budżet 2024", slug="bo-2024",
                  status=Status.DRAFT)
    return gmina


def seen(base):
    """What a visitor of one server sees: the API's slugs and ETag, the statistics total,
    and whether the draft's page exists."""
    api = requests.get(f"{base}/api/practices/", timeout=10)
    assert api.status_code == 200
    stats = requests.get(f"{base}/api/stats/", timeout=10).json()
    return {
        "slugs": sorted(f["properties"]["slug"] for f in api.json()["features"]),
        "etag": api.headers["ETag"],
        "total": stats["total"],
        "page": requests.get(f"{base}/en/practices/bo-2024/", timeout=10).status_code,
    }


def still_current(base, etag):
    response = requests.get(f"{base}/api/practices/", headers={"If-None-Match": etag},
                            timeout=10)
    return response.status_code == 304


def publish_from_a_command(server_env, slug):
    """A model save in a management command run with server A's settings."""
    code = (
        "from practices.models import Practice, Status\n"
        f"case = Practice.objects.get(slug={slug!r})\n"
        "case.status = Status.PUBLISHED\n"
        "case.save()\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=server_env,
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_a_case_published_through_one_server_is_seen_through_the_other_at_once(
    servers, server_env, catalogue
):
    before = {name: seen(base) for name, base in servers.items()}
    assert before["A"] == before["B"]
    assert before["A"]["slugs"] == ["park"] and before["A"]["page"] == 404
    # Both servers hold the version in the shared cache now.
    assert all(still_current(base, before["A"]["etag"]) for base in servers.values())

    publish_from_a_command(server_env, "bo-2024")

    after = {name: seen(base) for name, base in servers.items()}
    assert after["A"] == after["B"]
    assert after["B"]["slugs"] == ["bo-2024", "park"]
    assert after["B"]["page"] == 200
    assert after["B"]["total"] != before["B"]["total"]
    assert after["B"]["etag"] != before["B"]["etag"]
    assert not still_current(servers["B"], before["B"]["etag"])


def log_in(session, base, user):
    login = f"{base}/admin/login/"
    session.get(login, timeout=10)
    response = session.post(login, data={
        "username": user.username, "password": PASSWORD,
        "csrfmiddlewaretoken": session.cookies["csrftoken"], "next": "/admin/",
    }, timeout=10)
    assert response.status_code == 200 and "/admin/logout/" in response.text


def delete_through_the_admin(session, base, case):
    changelist = f"{base}/admin/practices/practice/"
    token = session.cookies["csrftoken"]
    selection = {"action": "delete_selected", "_selected_action": str(case.pk),
                 "csrfmiddlewaretoken": token}
    assert session.post(changelist, data=selection, timeout=10).status_code == 200
    response = session.post(changelist, data={**selection, "post": "yes"}, timeout=10)
    assert response.status_code == 200
    assert not Practice.objects.filter(pk=case.pk).exists()


def test_a_session_from_one_server_deletes_through_the_other_and_both_see_it_at_once(
    servers, catalogue, admin_user
):
    # The servers know only the production hashers (the tests use a fast MD5 one).
    admin_user.password = PBKDF2PasswordHasher().encode(PASSWORD, "salt", iterations=1000)
    admin_user.save()
    park = Practice.objects.get(slug="park")
    before = {name: seen(base) for name, base in servers.items()}
    assert before["A"]["slugs"] == ["park"]
    assert all(still_current(base, before["A"]["etag"]) for base in servers.values())

    session = requests.Session()
    log_in(session, servers["B"], admin_user)
    # The session opened on B is valid on A: it lives in Redis and the database.
    delete_through_the_admin(session, servers["A"], park)

    # A deletion changes no updated_at: only the invalidation in the shared cache shows it.
    after = {name: seen(base) for name, base in servers.items()}
    assert after["A"] == after["B"]
    assert after["B"]["slugs"] == []
    assert not still_current(servers["B"], before["B"]["etag"])
