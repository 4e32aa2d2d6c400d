"""Sign-up: the confirmation e-mail, the wait for a moderator, approval (e-mailed), and the
approved member signing in."""
from django.contrib.auth import get_user_model
from django.core import mail

from practices.domain.roles import is_approved_member
from tests.practices.accounts.conftest import link_in, log_in, mails_to, sign_up


def test_signing_up_sends_a_confirmation_mail_and_creates_an_unapproved_profile(client, db):
    response = sign_up(client, organisation="Fundacja Wspólna Gmina")
    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    user = get_user_model().objects.get(email="ewa@example.org")
    assert user.profile.display_name == "Ewa Nowak"
    assert user.profile.organisation == "Fundacja Wspólna Gmina"
    assert user.profile.approved_at is None
    [message] = mails_to("ewa@example.org")
    assert "/konto/confirm-email/" in message.body


def test_an_unconfirmed_address_cannot_sign_in(client, db):
    sign_up(client)
    client.logout()
    mail.outbox.clear()
    response = log_in(client, "ewa@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_a_confirmed_member_signs_in_but_waits_for_approval(client, confirmed_applicant):
    response = log_in(client, "ewa@example.org")
    assert response.status_code == 302
    # After signing in a member lands on their cases, which says they wait for approval.
    assert response["Location"] == "/moje-praktyki/"
    assert "czeka" in client.get("/moje-praktyki/").content.decode()
    page = client.get("/konto/ustawienia/").content.decode()
    assert "Twoje konto czeka na zatwierdzenie przez moderatora" in page
    assert not is_approved_member(confirmed_applicant)


def test_a_moderator_approves_and_the_member_is_told_and_joins_the_member_group(
    client, confirmed_applicant, moderator
):
    client.force_login(moderator)
    page = client.get("/moderacja/czlonkowie/").content.decode()
    assert "Ewa Nowak" in page and "ewa@example.org" in page
    profile = confirmed_applicant.profile
    response = client.post(f"/moderacja/czlonkowie/{profile.pk}/zatwierdz/")
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.approved_by == moderator
    assert profile.approved_at is not None
    assert list(confirmed_applicant.groups.values_list("name", flat=True)) == ["member"]
    [message] = mails_to("ewa@example.org")
    assert message.subject == "[Mapa Partycypacji] Twoje konto zostało zatwierdzone"
    assert "ewa@example.org" not in client.get("/moderacja/czlonkowie/").content.decode()

    client.logout()
    assert log_in(client, "ewa@example.org").status_code == 302
    page = client.get("/konto/ustawienia/").content.decode()
    assert "Jesteś członkiem sieci: możesz zgłaszać praktyki." in page
    user = get_user_model().objects.get(email="ewa@example.org")
    assert is_approved_member(user)


def test_a_refused_applicant_is_told_and_can_no_longer_sign_in(
    client, confirmed_applicant, moderator
):
    client.force_login(moderator)
    client.post(f"/moderacja/czlonkowie/{confirmed_applicant.profile.pk}/odrzuc/")
    [message] = mails_to("ewa@example.org")
    assert message.subject == "[Mapa Partycypacji] Twoja prośba o dołączenie została odrzucona"
    client.logout()
    response = log_in(client, "ewa@example.org")
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302 and response["Location"] == "/konto/inactive/"


def test_only_moderators_reach_the_members_pages(client, confirmed_applicant, member):
    pk = confirmed_applicant.profile.pk
    response = client.get("/moderacja/czlonkowie/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
    client.force_login(member)
    assert client.get("/moderacja/czlonkowie/").status_code == 403
    assert client.post(f"/moderacja/czlonkowie/{pk}/zatwierdz/").status_code == 403
    confirmed_applicant.profile.refresh_from_db()
    assert confirmed_applicant.profile.approved_at is None


def test_a_member_who_signed_up_in_english_is_told_of_approval_in_english(client, db, moderator):
    client.post("/en/account/signup/", {
        "email": "john@example.org", "display_name": "John Smith", "organisation": "",
        "password1": "Kasztany-nad-Biebrza-7", "password2": "Kasztany-nad-Biebrza-7",
        "website": "",
    })
    user = get_user_model().objects.get(email="john@example.org")
    assert user.profile.language == "en"
    client.post(link_in(mails_to("john@example.org")[-1]))  # confirms the address
    client.logout()
    mail.outbox.clear()
    # The moderator works in Polish; the member reads English.
    client.force_login(moderator)
    client.post(f"/moderacja/czlonkowie/{user.profile.pk}/zatwierdz/")
    [message] = mails_to("john@example.org")
    assert message.subject == "[Mapa Partycypacji] Your account has been approved"
    assert "/en/" in message.body
