"""The account pages in a real browser: no axe-core violation (WCAG 2.2 AA and best
practices), errors announced and tied to their fields, the honeypot out of reach of the
keyboard, and the header's account links usable with the keyboard: sign in, then sign out."""
import pytest
from allauth.account.models import EmailAddress

from tests.practices.pages.browser.conftest import screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def alice(member):
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


@pytest.mark.parametrize("path", ["/konto/login/", "/konto/signup/", "/konto/password/reset/"])
def test_the_public_account_pages_have_no_violations(page, site, axe, path):
    page.goto(site.url + path)
    axe(page, strict=True)
    screenshot(page, "account" + path.replace("/", "-").rstrip("-"), full_page=True)


def test_sign_up_errors_are_tied_to_their_fields(page, site, axe):
    page.goto(site.url + "/konto/signup/")
    page.fill("#id_email", "ewa@example.org")
    page.fill("#id_display_name", "Ewa Nowak")
    page.fill("#id_password1", "Kasztany-nad-Biebrza-7")
    page.fill("#id_password2", "Inne-haslo-Biebrza-8")
    page.click("form.account-form button[type=submit]")
    page.wait_for_selector(".errorlist")
    invalid = page.locator("[aria-invalid=true]")
    assert invalid.count() >= 1
    described = invalid.first.get_attribute("aria-describedby").split()
    error_id = described[0]
    assert error_id.endswith("_errors")
    assert page.locator(f"#{error_id}").inner_text().strip()
    axe(page, strict=True)


def test_the_honeypot_is_not_reached_with_the_keyboard(page, site):
    page.goto(site.url + "/konto/login/")
    page.focus("#id_login")
    names = []
    for _step in range(8):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.name || document.activeElement.id"))
    assert "website" not in names
    # Its container is clipped to one pixel (the site's .visually-hidden).
    box = page.locator("#id_website").locator("xpath=..").bounding_box()
    assert box["width"] <= 1 and box["height"] <= 1


def test_a_member_signs_in_and_out_with_the_keyboard(page, site, alice):
    page.goto(site.url + "/narzedzia/")
    link = page.get_by_role("link", name="Zaloguj się")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/login/")
    page.fill("#id_login", "alice@example.org")
    page.fill("#id_password", "alice-password")
    page.keyboard.press("Enter")
    page.wait_for_url("**/moje-praktyki/")
    # The link's accessible name says what it is, not only whose it is.
    assert page.get_by_role("link", name="Twoje konto: alice@example.org").count() == 1
    sign_out = page.get_by_role("button", name="Wyloguj")
    sign_out.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + "/")
    assert page.get_by_role("link", name="Zaloguj się").count() == 1
