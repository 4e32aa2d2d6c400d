"""A member's public profile: name shown, organisation and published cases only; never the
e-mail address, the user name, or cases in any other status. The member edits the name and
organisation on the settings page."""
import pytest
from django.utils import timezone

from practices.models import Profile, Status
from tests.factories import make_practice


@pytest.fixture
def alice_profile(member):
    return Profile.objects.create(
        user=member, display_name="Alicja Wiśniewska", organisation="Stowarzyszenie Sąsiedzi",
        approved_at=timezone.now(),
    )


HIDDEN = (
    Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.REJECTED, Status.ARCHIVED
)


def test_the_profile_lists_only_the_members_published_cases(
    client, alice_profile, other_member, bialystok
):
    alice = alice_profile.user
    make_practice(bialystok, title="Budżet Białegostoku 2024", author=alice)
    for status in HIDDEN:
        make_practice(bialystok, title=f"Ukryta praktyka {status}", author=alice, status=status)
    make_practice(bialystok, title="Praktyka Boba", author=other_member)

    response = client.get(f"/czlonkowie/{alice.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Alicja Wiśniewska</h1>" in page
    assert "Stowarzyszenie Sąsiedzi" in page
    assert "Budżet Białegostoku 2024" in page
    assert "Ukryta praktyka" not in page
    assert "Praktyka Boba" not in page
    assert "alice@example.org" not in page
    assert ">alice<" not in page


def test_a_profile_without_a_name_shows_no_user_name(client, member, bialystok):
    make_practice(bialystok, author=member)
    page = client.get(f"/czlonkowie/{member.pk}/").content.decode()
    assert f"<h1>Członek sieci nr {member.pk}</h1>" in page
    assert "alice" not in page


def test_an_account_waiting_for_approval_has_no_public_page(client, member):
    Profile.objects.create(user=member, display_name="Kup tanie okna", organisation="spam.example")
    assert client.get(f"/czlonkowie/{member.pk}/").status_code == 404
    Profile.objects.filter(user=member).update(approved_at=timezone.now())
    assert "Kup tanie okna" in client.get(f"/czlonkowie/{member.pk}/").content.decode()


def test_closed_and_unknown_accounts_have_no_profile_page(client, alice_profile):
    member = alice_profile.user
    member.is_active = False
    member.save()
    assert client.get(f"/czlonkowie/{member.pk}/").status_code == 404
    assert client.get("/czlonkowie/999999/").status_code == 404


def test_the_member_edits_name_organisation_and_language_in_settings(client, alice_profile):
    client.force_login(alice_profile.user)
    page = client.get("/konto/ustawienia/").content.decode()
    # A profile that never chose shows Polish, the site's first language.
    assert '<option value="pl" selected>polski</option>' in page
    assert '<option value="en">English</option>' in page
    response = client.post("/konto/ustawienia/", {
        "display_name": "Alicja W.", "organisation": "Urząd Gminy Supraśl", "language": "en",
    })
    assert response.status_code == 302
    alice_profile.refresh_from_db()
    assert (alice_profile.display_name, alice_profile.organisation, alice_profile.language) == (
        "Alicja W.", "Urząd Gminy Supraśl", "en"
    )
    assert "Profil został zapisany." in client.get("/konto/ustawienia/").content.decode()


def test_an_empty_name_is_refused_with_the_error_tied_to_the_field(client, alice_profile):
    client.force_login(alice_profile.user)
    response = client.post("/konto/ustawienia/", {"display_name": "", "organisation": "",
                                                  "language": "pl"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'aria-describedby="id_display_name_errors id_display_name_helptext"' in page
    assert (
        '<ul class="errorlist" id="id_display_name_errors"><li>To pole jest wymagane.</li></ul>'
    ) in page
    alice_profile.refresh_from_db()
    assert alice_profile.display_name == "Alicja Wiśniewska"


def test_settings_need_a_signed_in_member(client, db):
    response = client.get("/konto/ustawienia/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/konto/ustawienia/"
