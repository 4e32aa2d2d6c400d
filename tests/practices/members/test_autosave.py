"""Autosave stores what was typed in a step, as typed (invalid values too), and answers in
JSON what the script needs to say when it could not."""
import json

import pytest
from django.conf import settings

from practices.models import Submission
from tests.practices.members.conftest import autosave_url, step_url

pytestmark = pytest.mark.usefixtures("english")


def autosave(client, submission, step, fields):
    return client.post(autosave_url(submission), json.dumps({"step": step, "fields": fields}),
                       content_type="application/json")


def test_autosave_stores_what_was_typed_even_when_it_is_not_valid(alice_client, draft):
    response = autosave(alice_client, draft, "basics", {
        "title": "", "year": "dwa tysiące", "summary": "<b>html</b>", "website_url": ""})
    assert response.status_code == 200
    answer = response.json()
    assert answer["message"].startswith("Saved at ")
    draft.refresh_from_db()
    assert draft.data["title"] == "" and draft.data["year"] == "dwa tysiące"
    assert draft.data["summary"] == "<b>html</b>"
    assert draft.data["tool"] == "budzet-obywatelski"  # keys of other steps are kept
    assert answer["updated_at"] == int(draft.updated_at.timestamp() * 1000)


def test_autosave_stores_the_facts_and_the_ticked_choices(alice_client, draft):
    draft.data["tool"] = "konsultacje"
    draft.save()
    autosave(alice_client, draft, "facts", {
        "facts-comments_received": "sto", "facts-methods": ["survey", "walk"]})
    draft.refresh_from_db()
    assert draft.data["facts"] == {"comments_received": "sto", "methods": ["survey", "walk"]}


def test_autosave_keeps_the_images_and_attachments(alice_client, draft):
    draft.data.update(images=[3, 4], attachments=[5])
    draft.save()
    autosave(alice_client, draft, "sources", {
        "links-TOTAL_FORMS": "1", "links-0-kind": "link", "links-0-url": "https://a.pl",
        "links-0-label": ""})
    draft.refresh_from_db()
    assert draft.data["images"] == [3, 4] and draft.data["attachments"] == [5]
    assert draft.data["links"] == [{"kind": "link", "url": "https://a.pl", "label": ""}]


def test_an_expired_session_gets_401_in_json_not_a_redirect(client, draft):
    response = autosave(client, draft, "basics", {"title": "x"})
    assert response.status_code == 401
    assert response.json()["login_url"] == settings.LOGIN_URL
    draft.refresh_from_db()
    assert draft.data["title"] == "Budżet obywatelski Supraśla"


@pytest.mark.parametrize("body", ["not json", "[]", '{"step": "nope", "fields": {}}',
                                  '{"step": "basics", "fields": []}'])
def test_a_malformed_autosave_is_a_400_naming_what_to_send(alice_client, draft, body):
    response = alice_client.post(autosave_url(draft), body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]


def test_a_submission_waiting_for_review_is_not_changed_by_autosave(alice_client, draft):
    Submission.objects.filter(pk=draft.pk).update(state=Submission.State.SUBMITTED)
    response = autosave(alice_client, draft, "basics", {"title": "Nowy"})
    assert response.status_code == 409
    draft.refresh_from_db()
    assert draft.data["title"] == "Budżet obywatelski Supraśla"


def test_a_nul_character_is_dropped_rather_than_failing(alice_client, draft):
    response = autosave(alice_client, draft, "basics", {"title": "A\x00B", "year": "\x00"})
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.data["title"] == "AB" and draft.data["year"] == ""
    response = alice_client.post(step_url(draft, "place"), {
        "municipality": "Sup\x00rasl", "action": "next"})
    assert response.status_code in (302, 400)
