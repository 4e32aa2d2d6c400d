"""A moderator's invitation: the e-mailed link opens the sign-up form with the address and
organisation filled in; signing up through it approves the account by the inviter. Expired
and used links are refused."""
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from practices.models import Invitation
from tests.practices.accounts.conftest import PASSWORD, link_in, mails_to


def invite(client, moderator, email="sekretariat@suprasl.pl", organisation="Urząd Gminy Supraśl"):
    client.force_login(moderator)
    response = client.post("/moderacja/czlonkowie/", {"email": email, "organisation": organisation})
    client.logout()
    return response


def test_an_invitation_is_mailed_with_a_link_valid_for_fourteen_days(client, moderator):
    assert invite(client, moderator).status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.invited_by == moderator
    assert len(invitation.token) >= 40
    validity = invitation.expires_at - timezone.now()
    assert timedelta(days=13, hours=23) < validity <= timedelta(days=14)
    [message] = mails_to("sekretariat@suprasl.pl")
    assert message.subject == "[Mapa Partycypacji] Zaproszenie do Mapy Partycypacji"
    assert link_in(message) == f"/konto/zaproszenie/{invitation.token}/"


def test_the_moderators_page_lists_outstanding_invitations(client, moderator):
    invite(client, moderator)
    client.force_login(moderator)
    page = client.get("/moderacja/czlonkowie/").content.decode()
    assert "<th scope=\"row\">sekretariat@suprasl.pl</th>" in page


def test_signing_up_through_the_link_approves_the_member_by_the_inviter(client, moderator):
    invite(client, moderator)
    link = link_in(mails_to("sekretariat@suprasl.pl")[0])
    mail.outbox.clear()
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == "/konto/signup/"
    form = client.get("/konto/signup/").content.decode()
    assert 'value="sekretariat@suprasl.pl"' in form
    assert 'value="Urząd Gminy Supraśl"' in form

    response = client.post("/konto/signup/", {
        "email": "sekretariat@suprasl.pl", "display_name": "Jan Kowalski",
        "organisation": "Urząd Gminy Supraśl", "password1": PASSWORD, "password2": PASSWORD,
    })
    assert response.status_code == 302
    user = get_user_model().objects.get(email="sekretariat@suprasl.pl")
    assert user.profile.approved_by == moderator
    assert list(user.groups.values_list("name", flat=True)) == ["member"]
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == user and invitation.accepted_at is not None
    # The link proved the address: signed in at once, no confirmation mail needed.
    assert client.session["_auth_user_id"] == str(user.pk)
    assert "Jesteś członkiem sieci" in client.get("/konto/ustawienia/").content.decode()


def test_an_invited_address_confirmed_later_is_approved_too(client, moderator):
    """Signing up with the invited address without the link: confirming it accepts the
    invitation."""
    invite(client, moderator)
    mail.outbox.clear()
    client.post("/konto/signup/", {
        "email": "sekretariat@suprasl.pl", "display_name": "Jan Kowalski",
        "password1": PASSWORD, "password2": PASSWORD,
    })
    user = get_user_model().objects.get(email="sekretariat@suprasl.pl")
    assert user.profile.approved_at is None
    client.post(link_in(mails_to("sekretariat@suprasl.pl")[0]))
    user.profile.refresh_from_db()
    assert user.profile.approved_by == moderator


def test_an_expired_or_used_link_is_refused(client, moderator):
    invite(client, moderator)
    invitation = Invitation.objects.get()
    link = f"/konto/zaproszenie/{invitation.token}/"
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(link)
    assert response.status_code == 404
    assert "Tego zaproszenia nie można użyć" in response.content.decode()
    assert "account_verified_email" not in client.session
    Invitation.objects.update(
        expires_at=timezone.now() + timedelta(days=1), accepted_at=timezone.now()
    )
    assert client.get(link).status_code == 404
    assert client.get("/konto/zaproszenie/not-a-token/").status_code == 404


def test_a_token_with_characters_no_token_has_is_a_404_not_an_error(client, db):
    assert client.get("/konto/zaproszenie/%00x/").status_code == 404
    assert client.get("/konto/zaproszenie/" + "a" * 65 + "/").status_code == 404


def test_an_address_that_has_an_account_is_not_invited(client, moderator, member):
    response = invite(client, moderator, email="ALICE@example.org")
    assert response.status_code == 400
    assert "Konto z tym adresem już istnieje" in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []
