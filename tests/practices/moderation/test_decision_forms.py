"""The queue's decision forms: POST with CSRF, a reason required to ask for changes or to
reject (the page again with the message and what was typed, HTTP 400), then back to the
queue."""
import pytest
from django.test import Client

from practices.models import Practice, Status, Submission


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_publishing_from_the_queue(moderator_client, submitted):
    response = moderator_client.post(f"/moderacja/{submitted.pk}/decyzja/",
                                     {"action": "publish", "reason": ""})

    assert (response.status_code, response["Location"]) == (302, "/moderacja/")
    assert Practice.objects.get().status == Status.PUBLISHED


@pytest.mark.parametrize("action", ["request_changes", "reject"])
def test_a_missing_reason_shows_the_page_again(moderator_client, submitted, action):
    response = moderator_client.post(f"/moderacja/{submitted.pk}/decyzja/",
                                     {"action": action, "reason": "  "})

    assert response.status_code == 400
    assert "Podaj uzasadnienie: autor je przeczyta." in response.content.decode()
    assert Submission.objects.get().state == Submission.State.SUBMITTED


def test_asking_for_changes_with_a_reason(moderator_client, submitted):
    response = moderator_client.post(f"/moderacja/{submitted.pk}/decyzja/", {
        "action": "request_changes", "reason": "Dodaj link do uchwały."})

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert (submitted.state, submitted.moderator_comment) == (
        Submission.State.CHANGES_REQUESTED, "Dodaj link do uchwały.")


def test_an_unknown_action_is_refused(moderator_client, submitted):
    response = moderator_client.post(f"/moderacja/{submitted.pk}/decyzja/", {"action": "x"})

    assert response.status_code == 400


def test_a_decision_already_taken_is_refused_with_a_message(moderator_client, submitted):
    moderator_client.post(f"/moderacja/{submitted.pk}/decyzja/", {"action": "publish"})

    response = moderator_client.post(f"/moderacja/{submitted.pk}/decyzja/",
                                     {"action": "reject", "reason": "Jednak nie."})

    assert response.status_code == 400
    assert Practice.objects.get().status == Status.PUBLISHED


def test_a_decision_without_the_csrf_token_is_refused(moderator, submitted):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)

    response = client.post(f"/moderacja/{submitted.pk}/decyzja/", {"action": "publish"})

    assert response.status_code == 403
    assert Practice.objects.get().status == Status.SUBMITTED
