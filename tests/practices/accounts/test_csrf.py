"""Every account form refuses a POST without its CSRF token (403) and accepts it with one."""
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.practices.accounts.conftest import PASSWORD


@pytest.fixture
def strict():
    return Client(enforce_csrf_checks=True)


def token(client, url):
    page = client.get(url).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


SIGN_UP = {
    "email": "ewa@example.org", "display_name": "Ewa", "password1": PASSWORD, "password2": PASSWORD,
}


def test_sign_up_without_the_token_is_refused_and_with_it_accepted(strict, db):
    assert strict.post("/konto/signup/", SIGN_UP).status_code == 403
    assert not get_user_model().objects.exists()
    data = {**SIGN_UP, "csrfmiddlewaretoken": token(strict, "/konto/signup/")}
    assert strict.post("/konto/signup/", data).status_code == 302
    assert get_user_model().objects.filter(email="ewa@example.org").exists()


@pytest.mark.parametrize("url, data", [
    ("/konto/login/", {"login": "alice@example.org", "password": "alice-password"}),
    ("/konto/password/reset/", {"email": "alice@example.org"}),
])
def test_public_forms_without_the_token_are_refused(strict, member, url, data):
    assert strict.post(url, data).status_code == 403
    assert strict.post(url, {**data, "csrfmiddlewaretoken": token(strict, url)}).status_code == 302


def test_member_and_moderator_forms_without_the_token_are_refused(strict, moderator, member):
    from practices.models import Profile

    profile = Profile.objects.create(user=member, display_name="Alicja")
    strict.force_login(moderator)
    for url, data in [
        ("/konto/ustawienia/", {"display_name": "X"}),
        ("/moderacja/czlonkowie/", {"email": "nowa@example.org"}),
        (f"/moderacja/czlonkowie/{profile.pk}/zatwierdz/", {}),
        ("/konto/logout/", {}),
    ]:
        assert strict.post(url, data).status_code == 403, url
    profile.refresh_from_db()
    assert profile.approved_at is None and profile.display_name == "Alicja"
