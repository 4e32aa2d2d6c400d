"""The case form in Chromium: a click on the map sets the point and the gmina containing it,
the gmina combobox works from the keyboard, and drafts survive a server error and an expired
session through the copy kept in the browser."""
import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from practices.models import Profile, Submission

pytestmark = pytest.mark.browser


@pytest.fixture
def alice(site, django_user_model):
    user = django_user_model.objects.create_user("alice", "alice@example.org", "pw")
    Profile.objects.create(user=user, approved_at=timezone.now())
    return user


def sign_in(context, site, user):
    client = Client()
    client.force_login(user)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                          "url": site.url}])


@pytest.fixture
def draft(alice, context, site):
    sign_in(context, site, alice)
    return Submission.objects.create(author=alice, data={
        "tool": "budzet-obywatelski", "title": "BO", "year": "2024"})


def open_step(page, site, submission, step):
    page.goto(f"{site.url}/en/my-cases/{submission.pk}/{step}/")
    page.wait_for_selector("form[data-case-form][data-autosave]")


def test_a_click_on_the_map_sets_the_point_and_the_gmina(page, site, draft, ne_boundaries):
    gmina = ne_boundaries.get(name="Supraśl")
    draft.data["location"] = {"lon": gmina.point.x, "lat": gmina.point.y}
    draft.save()
    open_step(page, site, draft, "place")
    page.wait_for_selector("#place-map[data-ready]")
    # At the centre of the map, where the case's point is shown.
    page.locator("#place-map").click()
    page.wait_for_selector("#place-map[data-lookup=done]")
    assert page.input_value("#id_municipality") == f"Supraśl ({gmina.teryt})"
    assert "Supraśl" in page.text_content("[data-point-status]")
    page.wait_for_function("document.querySelector('form[data-case-form]')"
                           ".dataset.autosave === 'saved'")
    draft.refresh_from_db()
    assert draft.data["municipality"] == gmina.teryt
    lon, lat = float(draft.data["location"]["lon"]), float(draft.data["location"]["lat"])
    assert abs(lon - gmina.point.x) < 0.01 and abs(lat - gmina.point.y) < 0.01


def test_options_found_for_other_text_go_at_the_next_keystroke(page, site, draft,
                                                               ne_boundaries):
    """Options shown for "su" are not there to be chosen once the text is "suprasl": Enter
    chooses from the options of the text in the field."""
    gmina = ne_boundaries.get(name="Supraśl")
    open_step(page, site, draft, "place")
    page.focus("#id_municipality")
    page.keyboard.type("su")
    page.wait_for_selector("#gmina-options [role=option]")
    assert "Supraśl" not in page.text_content("#gmina-options [role=option]")
    page.keyboard.type("prasl")
    assert page.locator("#gmina-options [role=option]").count() == 0
    assert page.get_attribute("#id_municipality", "aria-expanded") == "false"
    page.keyboard.press("ArrowDown")  # asks at once
    page.wait_for_selector("#gmina-options [role=option]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.input_value("#id_municipality") == f"Supraśl ({gmina.teryt})"


def test_the_gmina_is_chosen_with_the_keyboard_without_diacritics(page, site, draft,
                                                                  ne_boundaries):
    gmina = ne_boundaries.get(name="Supraśl")
    open_step(page, site, draft, "place")
    page.focus("#id_municipality")
    page.keyboard.type("suprasl")
    page.wait_for_selector("#gmina-options [role=option]")
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#id_municipality", "aria-activedescendant") == "gmina-option-0"
    page.keyboard.press("Enter")
    assert page.input_value("#id_municipality") == f"Supraśl ({gmina.teryt})"
    assert page.get_attribute("#id_municipality", "aria-expanded") == "false"
    page.click("button[value=next]")
    page.wait_for_url(f"**/{draft.pk}/sources/")
    draft.refresh_from_db()
    assert draft.data["municipality"] == gmina.teryt


def test_typing_is_kept_in_the_browser_through_a_server_error(page, site, draft, watch):
    watch.allow("status of 500")
    page.route("**/autosave/", lambda route: route.fulfill(status=500, body="awaria"))
    open_step(page, site, draft, "basics")
    page.fill("#id_title", "Tytuł wpisany podczas awarii")
    page.wait_for_function("document.querySelector('form[data-case-form]')"
                           ".dataset.autosave === 'failed'")
    assert "server error" in page.text_content("[data-autosave-status]")
    draft.refresh_from_db()
    assert draft.data["title"] == "BO"
    page.unroute("**/autosave/")
    open_step(page, site, draft, "basics")
    assert page.input_value("#id_title") == "Tytuł wpisany podczas awarii"
    assert page.get_attribute("form[data-case-form]", "data-restored") == "true"
    page.wait_for_function("document.querySelector('form[data-case-form]')"
                           ".dataset.autosave === 'saved'")
    assert page.text_content("[data-autosave-status]").startswith("Saved at ")
    draft.refresh_from_db()
    assert draft.data["title"] == "Tytuł wpisany podczas awarii"


def test_an_expired_session_loses_nothing_typed(page, context, site, alice, draft, watch):
    watch.allow("status of 40[14]")
    open_step(page, site, draft, "basics")
    # The session ends; the CSRF cookie (kept for a year) stays, as in a browser.
    context.clear_cookies(name=settings.SESSION_COOKIE_NAME)
    page.fill("#id_summary", "Opis napisany po wygaśnięciu sesji")
    page.click("button[value=next]")
    page.wait_for_url("**/account/login/**")
    sign_in(context, site, alice)
    open_step(page, site, draft, "basics")
    assert page.input_value("#id_summary") == "Opis napisany po wygaśnięciu sesji"
    page.wait_for_function("document.querySelector('form[data-case-form]')"
                           ".dataset.autosave === 'saved'")
    draft.refresh_from_db()
    assert draft.data["summary"] == "Opis napisany po wygaśnięciu sesji"


@pytest.mark.parametrize("step", ["tool", "basics", "facts", "place", "sources", "preview"])
def test_each_step_passes_axe_core_also_with_errors(page, site, draft, axe, step, watch):
    watch.allow("status of 400")
    open_step(page, site, draft, step) if step != "preview" else page.goto(
        f"{site.url}/en/my-cases/{draft.pk}/preview/")
    axe(page)
    if step in ("basics", "place"):
        page.fill("#id_title" if step == "basics" else "#id_municipality", "")
        page.click("button[value=next]")
        page.wait_for_selector("#error-summary")
        axe(page)
