"""From a member's form to the public map, in Chromium, as people do it: the member signs in
through the sign-in form and describes a budżet obywatelski case step by step (a click on the
map sets the place and the gmina, a photo goes through the media widget); a moderator, in a
browser of their own, asks for a change; the member fixes it; the moderator publishes it; an
anonymous visitor then finds it on the map, on its page (with the photo) and in the API, and
the member got each decision by e-mail. And a held edit: the published version stays what
everyone sees until a moderator approves the change.

No step goes through the ORM; the fixtures only create the accounts (and, for the held edit,
the published case). No page opens a dialog (alert, confirm, prompt)."""
import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone
from PIL import Image

from geodata.models import Municipality
from practices.models import ModerationEvent, ParticipationTool, Practice, Profile, Status
from tests.practices.pages.browser.conftest import (
    api_json,
    attach,
    marker_total,
    screenshot,
    wait_ready,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
REASON = "Proszę podać w tytule nazwę gminy i rok edycji."


@pytest.fixture
def alice(member):
    """An approved member with a confirmed address (password "alice-password")."""
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    Profile.objects.create(user=member, approved_at=timezone.now())
    return member


@pytest.fixture
def charlie(moderator):
    EmailAddress.objects.create(user=moderator, email=moderator.email, verified=True,
                                primary=True)
    return moderator


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def dialogs():
    return []


@pytest.fixture
def open_browser(browser, watch, site, dialogs):
    """A new browser (its own cookies) with one watched page: `open_browser()`."""
    contexts = []

    def open_page():
        context = browser.new_context(viewport={"width": 1280, "height": 800},
                                      bypass_csp=True)
        contexts.append(context)
        page = context.new_page()
        attach(page, watch)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not watch.problems, "\n".join(watch.problems)
    assert dialogs == []


def photo():
    picture = Image.new("RGB", (1200, 800), "green")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG")
    return buffer.getvalue()


def sign_in(page, site, email, password):
    page.goto(f"{site.url}/konto/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.click("form.account-form button[type=submit]")
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Wyloguj").count() == 1


def next_step(page, slug):
    page.click("button[value=next]")
    page.wait_for_url(f"**/{slug}/")


def decide(page, site, title, action, reason=""):
    """The moderator opens the queue, the submission titled `title`, and decides."""
    page.goto(f"{site.url}/moderacja/")
    page.get_by_role("link", name=title).click()
    page.wait_for_url("**/moderacja/*/")
    if reason:
        page.fill("#reason", reason)
    page.click(f"button[value={action}]")
    page.wait_for_load_state()


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_a_members_case_reaches_the_public_map_after_a_requested_change(
        open_browser, site, alice, charlie, media_root, ne_boundaries):
    # 1. The member signs in and describes the case.
    member = open_browser()
    sign_in(member, site, "alice@example.org", "alice-password")
    member.goto(f"{site.url}/moje-praktyki/")
    member.get_by_role("link", name="Nowa praktyka").click()
    member.get_by_label("Budżet obywatelski").check()
    member.click("form.step-form button[type=submit]")
    member.wait_for_url("**/basics/")
    member.fill("#id_title", "Budżet obywatelski")
    member.fill("#id_summary", "Mieszkańcy wybrali dwanaście projektów.")
    member.fill("#id_year", "2024")
    next_step(member, "facts")
    member.fill("#id_facts-amount_pln", "1500000")
    member.fill("#id_facts-projects_submitted", "40")
    member.fill("#id_facts-projects_voted", "30")
    member.fill("#id_facts-projects_selected", "12")
    member.fill("#id_facts-voters", "5200")
    next_step(member, "place")
    member.wait_for_selector("#place-map[data-ready]")
    # The header's "sign out" stays white on the blue header on the form's pages too.
    assert member.get_by_role("button", name="Wyloguj").evaluate(
        "button => getComputedStyle(button).color") == "rgb(255, 255, 255)"
    member.set_viewport_size(PHONE)
    screenshot(member, "e2e-case-form-place-phone", full_page=True)
    member.set_viewport_size({"width": 1280, "height": 800})
    member.locator("#place-map").click()
    member.wait_for_selector("#place-map[data-lookup=done]")
    gmina_typed = member.input_value("#id_municipality")
    assert re.fullmatch(r".+ \(\d{7}\)", gmina_typed), gmina_typed
    next_step(member, "sources")
    member.wait_for_selector("[data-media-widget][data-media-ready=true]")
    member.set_input_files("#media-image-file", files=[
        {"name": "glosowanie.jpg", "mimeType": "image/jpeg", "buffer": photo()},
    ])
    member.get_by_label("Opis zdjęcia dla osób niewidomych").fill("Głosowanie w bibliotece")
    member.get_by_role("button", name="Wyślij zdjęcie").click()
    member.wait_for_function(
        "() => document.querySelector('.media-images img')?.naturalWidth > 0")
    next_step(member, "preview")
    assert member.text_content("#case-title") == "Budżet obywatelski"
    assert member.locator(".problems").count() == 0
    member.get_by_role("button", name="Wyślij do moderacji").click()
    member.wait_for_url("**/moje-praktyki/")
    # Listed once, as waiting for review (not as an edit of a published case).
    rows = member.locator("tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("th").inner_text() == "Budżet obywatelski"
    assert rows.first.locator("td").first.inner_text() == "czeka na moderację"

    # The gmina filled in from the click is the one holding the clicked point.
    practice = Practice.objects.get()
    assert practice.status == Status.SUBMITTED
    assert practice.location is not None
    assert Municipality.objects.get(boundary__contains=practice.location) == \
        practice.municipality
    assert gmina_typed == f"{practice.municipality.name} ({practice.municipality.teryt})"
    fixed = f"Budżet obywatelski 2024, gmina {practice.municipality.name}"

    # 2. The moderator, in a browser of their own, asks for a change.
    moderator = open_browser()
    sign_in(moderator, site, "charlie@example.org", "charlie-password")
    moderator.goto(f"{site.url}/moderacja/")
    assert moderator.get_by_role("link", name="Budżet obywatelski").count() == 1
    moderator.set_viewport_size(PHONE)
    screenshot(moderator, "e2e-moderation-queue-phone", full_page=True)
    moderator.set_viewport_size({"width": 1280, "height": 800})
    decide(moderator, site, "Budżet obywatelski", "request_changes", REASON)

    # 3. The member reads the reason in "my cases", fixes the title and sends it again.
    member.goto(f"{site.url}/moje-praktyki/")
    row = member.locator("tbody tr").filter(has_text="Budżet obywatelski")
    assert REASON in row.text_content()
    row.get_by_role("link", name="Kontynuuj").click()
    member.wait_for_selector("form[data-case-form]")
    member.goto(re.sub(r"/[a-z]+/$", "/basics/", member.url))
    member.fill("#id_title", fixed)
    next_step(member, "facts")
    member.goto(re.sub(r"/[a-z]+/$", "/preview/", member.url))
    member.get_by_role("button", name="Wyślij do moderacji").click()
    member.wait_for_url("**/moje-praktyki/")

    # 4. The moderator publishes it.
    decide(moderator, site, fixed, "publish")
    practice.refresh_from_db()
    assert practice.status == Status.PUBLISHED

    # 5. An anonymous visitor sees it on the map, on its page with the photo, in the API.
    visitor = open_browser()
    visitor.goto(f"{site.url}/")
    wait_ready(visitor)
    assert marker_total(visitor) == 1
    visitor.goto(f"{site.url}/praktyki/{practice.slug}/")
    assert visitor.text_content("h1") == fixed
    image = visitor.get_by_role("img", name="Głosowanie w bibliotece")
    assert image.get_attribute("src").startswith("/media/cases/")
    visitor.wait_for_function(
        "() => [...document.images].some(i => i.alt === 'Głosowanie w bibliotece'"
        " && i.naturalWidth > 0)")
    listed = api_json(site, "/api/practices/")["features"]
    assert [case["properties"]["title"] for case in listed] == [
        fixed]

    # The member got each decision by e-mail, the reason included.
    to_alice = mails_to("alice@example.org")
    assert [message.subject for message in to_alice] == [
        "Twoja praktyka wymaga poprawek: Budżet obywatelski",
        f"Twoja praktyka została opublikowana: {fixed}",
    ]
    assert REASON in to_alice[0].body
    assert list(ModerationEvent.objects.filter(practice=practice, actor=charlie)
                .values_list("action", "reason").order_by("pk")) == [
        ("changes_requested", REASON), ("published", "")]


@pytest.fixture
def published_case(alice, ne_boundaries):
    gmina = ne_boundaries.get(name="Supraśl")
    return Practice.objects.create(
        title="Budżet obywatelski 2023", slug="budzet-obywatelski-2023", author=alice,
        tool=ParticipationTool.objects.get(slug="budzet-obywatelski"), municipality=gmina,
        year=2023, status=Status.PUBLISHED, location=gmina.point,
    )


def test_an_edit_of_a_published_case_stays_private_until_approved(
        open_browser, site, alice, charlie, published_case):
    case_page = f"{site.url}/praktyki/{published_case.slug}/"

    def public_titles(visitor):
        visitor.goto(case_page)
        return visitor.text_content("h1"), [
            case["properties"]["title"]
            for case in api_json(site, "/api/practices/")["features"]]

    member = open_browser()
    sign_in(member, site, "alice@example.org", "alice-password")
    member.goto(f"{site.url}/moje-praktyki/")
    member.locator("tbody tr").filter(has_text="Budżet obywatelski 2023").get_by_role(
        "link", name="Edytuj").click()
    member.wait_for_selector("form[data-case-form]")
    member.goto(re.sub(r"/[a-z]+/$", "/basics/", member.url))
    member.fill("#id_title", "Budżet obywatelski 2023 w Supraślu")
    next_step(member, "facts")
    member.goto(re.sub(r"/[a-z]+/$", "/preview/", member.url))
    member.get_by_role("button", name="Wyślij do moderacji").click()
    member.wait_for_url("**/moje-praktyki/")

    visitor = open_browser()
    assert public_titles(visitor) == ("Budżet obywatelski 2023", ["Budżet obywatelski 2023"])

    moderator = open_browser()
    sign_in(moderator, site, "charlie@example.org", "charlie-password")
    decide(moderator, site, "Budżet obywatelski 2023 w Supraślu", "publish")

    assert public_titles(visitor) == ("Budżet obywatelski 2023 w Supraślu",
                                      ["Budżet obywatelski 2023 w Supraślu"])
