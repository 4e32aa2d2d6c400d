"""Abuse limits that never lose a draft: a cap on open submissions, a rate limit on sending
cases to moderation (HTTP 429), and a honeypot field."""
import json

import pytest
from django.urls import reverse

from practices.models import Submission
from tests.practices.members.conftest import autosave_url, step_url

pytestmark = pytest.mark.usefixtures("english")


def test_a_new_case_beyond_the_cap_is_refused_and_drafts_still_save(
        alice_client, alice, draft, settings):
    settings.MAPA_MAX_OPEN_SUBMISSIONS = 2
    response = alice_client.post(reverse("members:new"), {"tool": "referendum"})
    assert response.status_code == 302
    response = alice_client.post(reverse("members:new"), {"tool": "referendum"})
    assert response.status_code == 403
    assert "You already have 2 open submissions" in response.content.decode()
    assert Submission.objects.filter(author=alice).count() == 2
    response = alice_client.post(autosave_url(draft), json.dumps(
        {"step": "basics", "fields": {"title": "Dalej piszę"}}), content_type="application/json")
    assert response.status_code == 200


def test_sending_too_often_is_answered_429_and_keeps_the_draft(
        alice_client, draft, settings, monkeypatch):
    settings.MAPA_SUBMIT_RATE = "2/h"
    from practices.members import preview

    sent = []
    monkeypatch.setattr(preview, "send", lambda submission, actor: sent.append(submission.pk))
    url = step_url(draft, "preview")
    statuses = [alice_client.post(url, {"action": "submit"}).status_code for _ in range(3)]
    assert statuses == [302, 302, 429] and len(sent) == 2
    response = alice_client.post(url, {"action": "submit"})
    assert response.status_code == 429
    assert "Wait an hour" in response.content.decode()
    response = alice_client.post(autosave_url(draft), json.dumps(
        {"step": "basics", "fields": {"title": "Nadal zapisuje"}}),
        content_type="application/json")
    assert response.status_code == 200


def test_a_filled_honeypot_is_refused_without_saving_and_logged(alice_client, draft, caplog):
    response = alice_client.post(step_url(draft, "basics"), {
        "title": "Spam", "year": "2024", "website_url": "http://spam.example"})
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.data["title"] == "Budżet obywatelski Supraśla"
    assert "Honeypot filled" in caplog.text


def test_a_filled_honeypot_in_an_autosave_is_refused_without_saving(alice_client, draft):
    response = alice_client.post(autosave_url(draft), json.dumps(
        {"step": "basics", "fields": {"title": "Spam", "website_url": "x"}}),
        content_type="application/json")
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.data["title"] == "Budżet obywatelski Supraśla"


def test_a_filled_honeypot_makes_no_new_case(alice_client, alice):
    response = alice_client.post(reverse("members:new"), {
        "tool": "referendum", "website_url": "x"})
    assert response.status_code == 400
    assert not Submission.objects.filter(author=alice).exists()


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(alice_client, draft):
    html = alice_client.get(step_url(draft, "basics")).content.decode()
    assert ('<div class="visually-hidden" aria-hidden="true">' in html
            and 'name="website_url" id="id_website_url" value="" tabindex="-1"' in html)
