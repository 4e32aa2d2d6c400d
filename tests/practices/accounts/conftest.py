"""Helpers for the account tests: the site's forms as a browser fills them (Polish addresses),
and the links the e-mails carry."""
import re

import pytest
from django.core import mail

PASSWORD = "Kasztany-nad-Biebrza-7"


def sign_up(client, email="ewa@example.org", name="Ewa Nowak", organisation="", **extra):
    return client.post("/konto/signup/", {
        "email": email, "display_name": name, "organisation": organisation,
        "password1": PASSWORD, "password2": PASSWORD, "website": "", **extra,
    })


def log_in(client, email, password=PASSWORD, **extra):
    return client.post("/konto/login/", {"login": email, "password": password, **extra})


def link_in(message):
    """The first address of this site in an e-mail's text."""
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


@pytest.fixture
def confirmed_applicant(client, db):
    """Ewa signed up and confirmed her address; she waits for approval. Returns her user."""
    from django.contrib.auth import get_user_model

    sign_up(client)
    confirm = link_in(mails_to("ewa@example.org")[-1])
    client.post(confirm)
    client.logout()
    mail.outbox.clear()
    return get_user_model().objects.get(email="ewa@example.org")
