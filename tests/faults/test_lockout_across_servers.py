"""The admin login locks out after repeated failures, and the lock-out is kept in the database:
made through one app server, it holds on another that shares the database. Another user from
the same address is not locked out."""
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.fixed_ports import FIXED_PORTS

pytestmark = [FIXED_PORTS, pytest.mark.django_db(transaction=True)]

FAILURE_LIMIT = 3


def log_in(server, username, password):
    """Status of a login through the admin's form, as a browser submits it."""
    return log_in_page(server, username, password)[0]


def log_in_page(server, username, password):
    """(status, body) of a login through the admin's form."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(jar), NoRedirect,
    )
    with opener.open(server.url + "/admin/login/", timeout=20) as response:
        form = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({
        "csrfmiddlewaretoken": token, "username": username, "password": password,
        "next": "/admin/",
    }).encode()
    try:
        with opener.open(server.url + "/admin/login/", data, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def staff(django_user_model):
    # The servers use the real hashers, not the tests' fast one.
    for name in ("charlie", "dora"):
        django_user_model.objects.create(
            username=name, is_staff=True, is_superuser=True,
            password=PBKDF2PasswordHasher().encode(f"{name}-password", f"salt{name}"),
        )


@pytest.fixture(scope="module")
def shared_servers(django_db_setup, module_app_server):
    """Two servers for the module: failures and lock-outs are counted in the database, which
    the end of each test flushes, so a test starts with no failure counted."""
    limits = {"MAPA_LOGIN_FAILURE_LIMIT": str(FAILURE_LIMIT)}
    return module_app_server(8715, **limits), module_app_server(8716, **limits)


@pytest.fixture
def servers(shared_servers, staff):
    return shared_servers


def test_a_correct_password_logs_in_on_either_server(servers):
    first, second = servers
    assert log_in(first, "charlie", "charlie-password") == 302
    assert log_in(second, "charlie", "charlie-password") == 302


def test_failures_on_one_server_lock_the_user_out_on_the_other(servers):
    first, second = servers
    statuses = [log_in(first, "charlie", "wrong") for _attempt in range(FAILURE_LIMIT)]
    # The form answers 200 with its error until the limit, then 429.
    assert statuses == [200] * (FAILURE_LIMIT - 1) + [429]
    status, page = log_in_page(second, "charlie", "charlie-password")
    assert status == 429
    assert "<h1>Zbyt wiele nieudanych logowań</h1>" in page
    assert log_in(first, "charlie", "charlie-password") == 429
    assert log_in(second, "dora", "dora-password") == 302
