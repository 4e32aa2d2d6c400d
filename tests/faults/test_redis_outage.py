"""Redis down while serving (REDIS_URL set, sessions `cached_db`): a signed-in administrator
keeps working, still signed in, while Redis hangs and while it is gone, and after it returns;
a log-out made during the outage holds after it (the stale cached session is retired, not
served again); failed log-ins are still counted by django-axes; nothing answers 500, and the
outage is logged once.

A real redis-server on a port this test owns is frozen (SIGSTOP: every call times out), thawed,
killed and started again empty; the app server is gunicorn with the production settings."""
import http.cookiejar
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.faults.test_lockout_across_servers import NoRedirect
from tests.fixed_ports import FIXED_PORTS

pytestmark = [
    FIXED_PORTS,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(shutil.which("redis-server") is None,
                       reason="redis-server is missing: run bin/setup-system --browser"),
]

REDIS_PORT = 8383
APP_PORT = 8717
RETRY_SECONDS = 5  # practices.redis_cache.RETRY_SECONDS


class Redis:
    def __init__(self):
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                import redis

                redis.Redis(port=REDIS_PORT).ping()
                return
            except Exception:  # noqa: BLE001 (starting)
                time.sleep(0.1)
        raise AssertionError("redis-server did not start")

    def signal(self, number):
        os.kill(self.process.pid, number)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait(10)


class Browser:
    """One administrator's browser: its cookies, and the admin's pages."""

    def __init__(self, server):
        self.server = server
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def open(self, path, data=None):
        """(status, body) of a GET, or of a POST of `data`."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.server.url + path, body, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def token(self, page):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def log_in(self, username, password):
        _status, form = self.open("/admin/login/")
        return self.open("/admin/login/", {"csrfmiddlewaretoken": self.token(form),
                                           "username": username, "password": password,
                                           "next": "/admin/"})[0]

    def log_out(self):
        _status, page = self.open("/admin/")
        return self.open("/admin/logout/", {"csrfmiddlewaretoken": self.token(page)})[0]

    def signed_in(self, username):
        """Whether the admin's index answers 200 to this browser, greeting `username`."""
        status, page = self.open("/admin/")
        assert status in (200, 302), (status, page[:500])
        return status == 200 and f"<strong>{username}</strong>" in page


@pytest.fixture
def redis_server():
    server = Redis()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def staff(django_user_model):
    # The server uses the real hashers, not the tests' fast one.
    for name in ("charlie", "dora"):
        django_user_model.objects.create(
            username=name, is_staff=True, is_superuser=True,
            password=PBKDF2PasswordHasher().encode(f"{name}-password", f"salt{name}"),
        )


def test_a_signed_in_administrator_works_through_a_redis_outage(app_server, redis_server,
                                                                staff):
    server = app_server(APP_PORT, REDIS_URL=f"redis://127.0.0.1:{REDIS_PORT}/0")
    charlie, dora = Browser(server), Browser(server)
    assert charlie.log_in("charlie", "charlie-password") == 302
    assert dora.log_in("dora", "dora-password") == 302
    assert charlie.signed_in("charlie") and dora.signed_in("dora")
    dora_cookie = next(cookie for cookie in dora.jar if cookie.name == "sessionid")

    # Redis hangs: every call would time out.
    redis_server.signal(signal.SIGSTOP)
    assert charlie.signed_in("charlie")
    assert charlie.open("/admin/auth/user/")[0] == 200
    assert dora.log_out() == 200  # the admin's "logged out" page
    assert not dora.signed_in("dora")
    # A failed log-in is still counted (django-axes keeps its counts in the database).
    assert Browser(server).log_in("charlie", "wrong") == 200
    assert AccessAttempt.objects.filter(username="charlie", failures_since_start=1).exists()

    # Redis answers again, still holding the sessions it had before the outage.
    redis_server.signal(signal.SIGCONT)
    time.sleep(RETRY_SECONDS + 0.5)
    assert charlie.signed_in("charlie")
    # Dora's old session, ended during the outage, does not come back from the cache.
    stale = Browser(server)
    stale.jar.set_cookie(dora_cookie)
    assert not stale.signed_in("dora")

    # Redis is gone (connections refused), then starts again empty.
    redis_server.stop()
    assert charlie.signed_in("charlie")
    assert charlie.open("/admin/auth/user/")[0] == 200
    redis_server.start()
    time.sleep(RETRY_SECONDS + 0.5)
    assert charlie.signed_in("charlie")
    assert charlie.open("/admin/auth/user/")[0] == 200

    log = server.log_text()
    assert '"status": 500' not in log and "Traceback" not in log, log[-3000:]
    assert log.count("Redis is unreachable") == 2, log[-3000:]
    assert log.count("Redis is reachable again") == 2, log[-3000:]
