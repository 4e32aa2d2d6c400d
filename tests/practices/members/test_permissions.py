"""Who may open the case form: signed-in approved members their own submissions, moderators
any submitted one; the others are sent to log in, told to wait, or answered 404."""
import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import translation

from practices.models import Profile, Submission
from tests.practices.members.conftest import autosave_url, step_url

pytestmark = pytest.mark.usefixtures("english")


def test_anonymous_visitors_are_sent_to_log_in_and_back(client, draft):
    url = step_url(draft, "basics")
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == f"{resolve_url(settings.LOGIN_URL)}?next={url}"
    assert client.get(reverse("members:cases")).status_code == 302


def test_an_expired_session_on_a_post_goes_to_log_in_without_saving(client, draft):
    url = step_url(draft, "basics")
    response = client.post(url, {"title": "Nowy", "year": "2024", "action": "next"})
    assert response.status_code == 302 and response.url.startswith(resolve_url(settings.LOGIN_URL))
    draft.refresh_from_db()
    assert draft.data["title"] == "Budżet obywatelski Supraśla"


def test_another_member_gets_404_everywhere(client, bob, draft):
    client.force_login(bob)
    for step in ("tool", "basics", "facts", "place", "sources", "preview"):
        assert client.get(step_url(draft, step)).status_code == 404
    assert client.post(step_url(draft, "basics"), {"title": "x"}).status_code == 404
    response = client.post(autosave_url(draft), '{"step": "basics", "fields": {"title": "x"}}',
                           content_type="application/json")
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.data["title"] == "Budżet obywatelski Supraśla"


def test_a_member_not_yet_approved_is_told_to_wait(client, member):
    client.force_login(member)
    response = client.get(reverse("members:new"))
    assert response.status_code == 403
    assert "Your account waits for approval" in response.content.decode()
    assert Profile.objects.get(user=member).approved_at is None


def test_a_moderator_opens_a_submitted_submission_but_not_a_draft(client, moderator, draft):
    client.force_login(moderator)
    assert client.get(step_url(draft, "basics")).status_code == 404
    Submission.objects.filter(pk=draft.pk).update(state=Submission.State.SUBMITTED)
    response = client.get(step_url(draft, "basics"))
    assert response.status_code == 200
    assert "editing a member's submission as a moderator" in response.content.decode()
    response = client.post(step_url(draft, "basics"), {
        "title": "Poprawiony", "year": "2024", "licence": "CC-BY-4.0", "action": "save"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.data["title"] == "Poprawiony"


def test_the_author_cannot_change_a_submission_waiting_for_review(alice_client, draft):
    Submission.objects.filter(pk=draft.pk).update(state=Submission.State.SUBMITTED)
    response = alice_client.post(step_url(draft, "basics"), {"title": "Nowy", "year": "2024"})
    assert response.status_code == 409
    draft.refresh_from_db()
    assert draft.data["title"] == "Budżet obywatelski Supraśla"
    assert alice_client.get(step_url(draft, "preview")).status_code == 200


def test_the_polish_addresses_are_translated(alice_client, draft):
    with translation.override("pl"):
        assert reverse("members:cases") == "/moje-praktyki/"
        assert reverse("members:new") == "/moje-praktyki/nowa/"
        assert reverse("members:edit", args=[4]) == "/moje-praktyki/4/edytuj/"
    html = alice_client.get("/moje-praktyki/").content.decode()
    assert "<h1>Moje praktyki</h1>" in html and "Nowa praktyka" in html
    html = alice_client.get(f"/moje-praktyki/{draft.pk}/basics/").content.decode()
    assert "Podstawowe informacje" in html and "Zapisz szkic" in html and "Dalej" in html


def test_a_member_waiting_for_approval_lands_on_my_cases_without_an_error(client, member):
    # Where sign-in leads: a normal page saying what happens next, not a 403.
    client.force_login(member)
    response = client.get(reverse("members:cases"))
    assert response.status_code == 200
    assert "Your account waits for approval" in response.content.decode()
