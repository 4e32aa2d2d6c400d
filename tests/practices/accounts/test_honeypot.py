"""The public forms carry a honeypot field people never see; a filled one is refused with a
generic error, creates and sends nothing, and is logged."""
import logging

from django.contrib.auth import get_user_model
from django.core import mail

from tests.practices.accounts.conftest import log_in, sign_up

GENERIC = "Nie udało się wysłać formularza. Spróbuj ponownie."


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client, db):
    for url in ("/konto/signup/", "/konto/login/", "/konto/password/reset/"):
        page = client.get(url).content.decode()
        assert (
            '<div class="visually-hidden" aria-hidden="true"><label for="id_website">'
            'Pozostaw to pole puste</label><input type="text" name="website" id="id_website" '
            'tabindex="-1" autocomplete="off" value=""></div>'
        ) in page, url


def test_a_filled_honeypot_refuses_a_sign_up_without_creating_the_account(client, db, caplog):
    with caplog.at_level(logging.WARNING, logger="practices.accounts"):
        response = sign_up(client, website="http://spam.example")
    assert response.status_code == 200
    assert GENERIC in response.content.decode()
    assert not get_user_model().objects.filter(email="ewa@example.org").exists()
    assert mail.outbox == []
    assert "Honeypot field filled in SignupForm" in caplog.text


def test_a_filled_honeypot_refuses_a_log_in_even_with_the_right_password(client, member, caplog):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    with caplog.at_level(logging.WARNING, logger="practices.accounts"):
        response = log_in(client, "alice@example.org", "alice-password", website="x")
    assert response.status_code == 200
    assert GENERIC in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert "Honeypot field filled in LoginForm" in caplog.text
    # Without the honeypot the same password signs in.
    log_in(client, "alice@example.org", "alice-password")
    assert client.session["_auth_user_id"] == str(member.pk)


def test_a_filled_honeypot_refuses_a_password_reset_without_mail(client, member, caplog):
    with caplog.at_level(logging.WARNING, logger="practices.accounts"):
        response = client.post(
            "/konto/password/reset/", {"email": "alice@example.org", "website": "x"}
        )
    assert response.status_code == 200
    assert GENERIC in response.content.decode()
    assert mail.outbox == []
    assert "Honeypot field filled in ResetPasswordForm" in caplog.text
