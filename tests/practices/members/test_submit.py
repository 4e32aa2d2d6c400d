"""Sending a case to moderation goes through the service (practices.moderation.submit): a
complete case becomes a submitted case; the service's errors are listed with links to the
steps and fields where they are fixed, and nothing typed is lost. Withdrawing also goes
through the service."""
import pytest
from django.urls import reverse

from practices.models import Practice, Status, Submission
from tests.practices.members.conftest import step_url

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def complete(draft):
    draft.data.update({
        "municipality": "2010063", "location": {"lon": "23.35", "lat": "53.25"},
        "facts": {"amount_pln": "1 500 000", "projects_submitted": "40"},
        "links": [{"kind": "source", "url": "https://bip.suprasl.pl/1", "label": "Uchwała"}],
    })
    draft.save()
    return draft


def test_a_complete_case_is_sent_to_moderation(alice_client, alice, complete):
    response = alice_client.post(step_url(complete, "preview"), {"action": "submit"})
    assert response.status_code == 302 and response.url == reverse("members:cases")
    complete.refresh_from_db()
    assert complete.state == Submission.State.SUBMITTED
    case = Practice.objects.get(submissions=complete)
    assert (case.title, case.status, case.author) == (
        "Budżet obywatelski Supraśla", Status.SUBMITTED, alice)
    assert case.facts == {"amount_pln": 1500000, "projects_submitted": 40}
    html = alice_client.get(reverse("members:cases")).content.decode()
    assert "waiting for review" in html and "sent to the moderators" in html


def test_the_services_errors_link_to_their_steps_and_nothing_is_lost(alice_client, draft):
    draft.data.update({"links": [{"kind": "source", "url": "nie-adres", "label": "x"}],
                       "facts": {"voters": "-1"}})
    draft.save()
    response = alice_client.post(step_url(draft, "preview"), {"action": "submit"})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'href="{step_url(draft, "place")}#id_municipality"' in html
    assert f'href="{step_url(draft, "facts")}#id_facts-voters"' in html
    assert f'href="{step_url(draft, "sources")}#id_links-0-url"' in html
    draft.refresh_from_db()
    assert draft.state == Submission.State.DRAFT
    assert draft.data["facts"] == {"voters": "-1"}


def test_a_member_withdraws_a_submission_waiting_for_review(alice_client, complete):
    alice_client.post(step_url(complete, "preview"), {"action": "submit"})
    response = alice_client.post(reverse("members:withdraw", args=[complete.pk]))
    assert response.status_code == 302
    complete.refresh_from_db()
    assert complete.state == Submission.State.WITHDRAWN


def test_another_member_cannot_withdraw(client, bob, draft):
    client.force_login(bob)
    assert client.post(reverse("members:withdraw", args=[draft.pk])).status_code == 404
    draft.refresh_from_db()
    assert draft.state == Submission.State.DRAFT
