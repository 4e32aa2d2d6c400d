"""A forgotten password is reset through a link sent by e-mail; addresses without an account
get no mail at all and the page says the same either way."""
from django.core import mail

from tests.practices.accounts.conftest import link_in, log_in


def test_a_reset_link_is_mailed_and_sets_a_new_password(client, member):
    response = client.post("/konto/password/reset/", {"email": "alice@example.org"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["alice@example.org"]
    link = link_in(message)
    # allauth moves the key out of the address before showing the form.
    form_page = client.get(link, follow=True)
    assert "Ustaw nowe hasło" in form_page.content.decode()
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    response = client.post(
        action, {"password1": "Nowe-haslo-Suprasl-9", "password2": "Nowe-haslo-Suprasl-9"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("Nowe-haslo-Suprasl-9")


def test_an_unknown_address_gets_the_same_page_and_no_mail(client, db):
    response = client.post("/konto/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/konto/password/reset/done/"
    assert mail.outbox == []


def test_the_old_password_no_longer_works_after_a_reset(client, member):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    client.post("/konto/password/reset/", {"email": "alice@example.org"})
    link = link_in(mail.outbox[0])
    page = client.get(link, follow=True)
    client.post(page.redirect_chain[-1][0], {
        "password1": "Nowe-haslo-Suprasl-9", "password2": "Nowe-haslo-Suprasl-9",
    })
    client.logout()
    log_in(client, "alice@example.org", "alice-password")
    assert "_auth_user_id" not in client.session
    log_in(client, "alice@example.org", "Nowe-haslo-Suprasl-9")
    assert client.session["_auth_user_id"] == str(member.pk)
