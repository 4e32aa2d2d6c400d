"""Sign-up, log-in and password reset are rate-limited per address (settings.ACCOUNT_RATE_LIMITS):
past the limit the answer is HTTP 429 with a Polish message, and nothing more is created or
sent."""
from django.contrib.auth import get_user_model
from django.core import mail

from tests.practices.accounts.conftest import log_in, sign_up

MESSAGE = "Z Twojego adresu wysłano w krótkim czasie zbyt wiele prób."


def assert_refused(response):
    assert response.status_code == 429
    page = response.content.decode()
    assert "<h1>Zbyt wiele prób</h1>" in page
    assert MESSAGE in page


def test_the_sixth_sign_up_in_a_minute_is_refused(client, db):
    for number in range(5):
        assert sign_up(client, email=f"osoba{number}@example.org").status_code == 302
        client.logout()
    response = sign_up(client, email="osoba5@example.org")
    assert_refused(response)
    assert not get_user_model().objects.filter(email="osoba5@example.org").exists()


def test_the_twenty_first_log_in_in_a_minute_is_refused(client, db):
    # Different unknown addresses each time: only the rate limit, not the lock-out, applies.
    for number in range(20):
        assert log_in(client, f"nikt{number}@example.org", "zle-haslo").status_code == 200
    assert_refused(log_in(client, "nikt20@example.org", "zle-haslo"))


def test_the_fourth_reset_for_one_address_in_an_hour_is_refused(client, member):
    for _attempt in range(3):
        response = client.post("/konto/password/reset/", {"email": "alice@example.org"})
        assert response.status_code == 302
    assert len(mail.outbox) == 3
    assert_refused(client.post("/konto/password/reset/", {"email": "alice@example.org"}))
    assert len(mail.outbox) == 3


def test_the_message_is_in_english_on_the_english_site(client, db):
    for number in range(5):
        sign_up(client, email=f"osoba{number}@example.org")
        client.logout()
    response = client.post("/en/account/signup/", {"email": "x@example.org"})
    assert response.status_code == 429
    assert "<h1>Too many attempts</h1>" in response.content.decode()
