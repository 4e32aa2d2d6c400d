"""The header's account links: sign in and create an account for visitors; the member's name
and a sign-out button (a POST form) for members."""
from practices.models import Profile


def test_visitors_see_sign_in_and_sign_up_links(client, db):
    page = client.get("/narzedzia/").content.decode()
    assert '<nav class="account-nav" aria-label="Konto">' in page
    assert '<a href="/konto/login/">Zaloguj się</a>' in page
    assert '<a href="/konto/signup/">Załóż konto</a>' in page
    assert "Wyloguj" not in page


def test_members_see_their_name_and_a_sign_out_form(client, member):
    Profile.objects.create(user=member, display_name="Alicja Wiśniewska")
    client.force_login(member)
    page = client.get("/narzedzia/").content.decode()
    assert (
        '<a href="/konto/ustawienia/"><span class="visually-hidden">Twoje konto: </span>'
        "Alicja Wiśniewska</a>"
    ) in page
    assert '<form method="post" action="/konto/logout/">' in page
    assert '<button type="submit" class="link-button">Wyloguj</button>' in page
    assert "Zaloguj się" not in page


def test_a_member_without_a_profile_sees_the_address_not_the_user_name(client, member):
    client.force_login(member)
    page = client.get("/narzedzia/").content.decode()
    assert "Twoje konto: </span>alice@example.org</a>" in page


def test_signing_out_is_a_post(client, member):
    client.force_login(member)
    response = client.post("/konto/logout/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert "_auth_user_id" not in client.session
