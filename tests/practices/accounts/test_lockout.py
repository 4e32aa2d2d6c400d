"""Repeated failed sign-ins lock the account out from that address (django-axes), on the
site's form as in the admin's: the failures add up across both, the lock-out page (429)
answers on both, and the right password is refused while it lasts."""
import pytest
from allauth.account.models import EmailAddress
from django.conf import settings

from tests.practices.accounts.conftest import log_in

LOCKED = "<h1>Zbyt wiele nieudanych logowań</h1>"


@pytest.fixture
def staff_member(member):
    member.is_staff = True
    member.save()
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


def admin_log_in(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password})


def assert_locked(response):
    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_failures_on_the_site_lock_the_account_on_the_site_and_in_the_admin(client, staff_member):
    limit = settings.AXES_FAILURE_LIMIT
    statuses = [log_in(client, "alice@example.org", "wrong").status_code for _n in range(limit)]
    assert statuses == [200] * (limit - 1) + [429]
    assert_locked(log_in(client, "alice@example.org", "alice-password"))
    assert "_auth_user_id" not in client.session
    assert_locked(admin_log_in(client, "alice", "alice-password"))


def test_failures_in_the_admin_lock_the_site_too(client, staff_member):
    limit = settings.AXES_FAILURE_LIMIT
    for _attempt in range(limit - 1):
        assert admin_log_in(client, "alice", "wrong").status_code == 200
    assert_locked(log_in(client, "ALICE@example.org", "wrong"))
    assert_locked(log_in(client, "alice@example.org", "alice-password"))


def test_another_account_from_the_same_address_is_not_locked(client, staff_member, other_member):
    EmailAddress.objects.create(
        user=other_member, email=other_member.email, verified=True, primary=True
    )
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "alice@example.org", "wrong")
    assert log_in(client, "bob@example.org", "bob-password").status_code == 302
    assert client.session["_auth_user_id"] == str(other_member.pk)


def test_a_success_before_the_limit_clears_the_count(client, staff_member):
    limit = settings.AXES_FAILURE_LIMIT
    for _attempt in range(limit - 1):
        log_in(client, "alice@example.org", "wrong")
    assert log_in(client, "alice@example.org", "alice-password").status_code == 302
    client.logout()
    for _attempt in range(limit - 1):
        assert log_in(client, "alice@example.org", "wrong").status_code == 200
