"""“My cases” lists the member's submissions and cases with their state in words, the last
change and the moderator's comment; a published case is edited through a new working copy
while the case stays as it is."""
import pytest
from django.urls import reverse

from practices.models import Status, Submission
from tests.factories import make_practice
from tests.practices.members.conftest import step_url

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def published(alice, suprasl):
    case = make_practice(suprasl, title="Fundusz sołecki Supraśla", author=alice,
                         tool_slug="fundusz-solecki", facts={"amount_pln": 120000},
                         summary="Sołectwa wybrały projekty.")
    case.links.create(kind="source", url="https://bip.suprasl.pl/fs", label="Uchwała")
    return case


def test_my_cases_lists_submissions_with_state_comment_and_actions(alice_client, draft):
    Submission.objects.create(
        author=draft.author, data={"title": "Konsultacje parku"},
        state=Submission.State.CHANGES_REQUESTED, moderator_comment="Dodaj źródło, proszę.")
    html = alice_client.get(reverse("members:cases")).content.decode()
    assert "Budżet obywatelski Supraśla" in html and "Konsultacje parku" in html
    assert ">changes requested<" in html and ">draft<" in html
    assert "Dodaj źródło, proszę." in html
    assert f'href="{step_url(draft, "tool")}"' not in html  # continues where it stopped
    assert f'href="{step_url(draft, "basics")}"' in html


def test_other_members_submissions_are_not_listed(client, bob, draft):
    client.force_login(bob)
    html = client.get(reverse("members:cases")).content.decode()
    assert "Budżet obywatelski Supraśla" not in html


def test_editing_a_published_case_opens_a_prefilled_working_copy(alice_client, alice,
                                                                  published):
    response = alice_client.get(reverse("members:edit", args=[published.pk]))
    submission = Submission.objects.get(author=alice, practice=published)
    assert response.status_code == 302 and response.url == step_url(submission, "basics")
    assert submission.data["title"] == "Fundusz sołecki Supraśla"
    assert submission.data["tool"] == "fundusz-solecki"
    assert submission.data["municipality"] == "2010063"
    assert submission.data["facts"] == {"amount_pln": 120000}
    assert submission.data["links"] == [
        {"kind": "source", "url": "https://bip.suprasl.pl/fs", "label": "Uchwała"}]
    alice_client.post(step_url(submission, "basics"), {
        "title": "Nowy tytuł", "year": "2024", "licence": "CC-BY-4.0", "action": "save"})
    published.refresh_from_db()
    assert published.title == "Fundusz sołecki Supraśla" and published.status == Status.PUBLISHED
    # Opening it again continues the same working copy.
    alice_client.get(reverse("members:edit", args=[published.pk]))
    assert Submission.objects.filter(practice=published).count() == 1


def test_another_members_case_cannot_be_edited(client, bob, published):
    client.force_login(bob)
    assert client.get(reverse("members:edit", args=[published.pk])).status_code == 404
    assert not Submission.objects.filter(practice=published).exists()


def test_a_new_case_starts_with_the_tool_and_continues_with_the_basics(alice_client, alice):
    html = alice_client.get(reverse("members:new")).content.decode()
    assert 'type="radio" name="tool" value="budzet-obywatelski"' in html
    response = alice_client.post(reverse("members:new"), {})
    assert response.status_code == 400
    assert "Choose the tool the case is about." in response.content.decode()
    response = alice_client.post(reverse("members:new"), {"tool": "konsultacje"})
    submission = Submission.objects.get(author=alice)
    assert response.url == step_url(submission, "basics")
    assert submission.data == {"tool": "konsultacje", "licence": "CC-BY-4.0"}
    assert submission.state == Submission.State.DRAFT


def test_a_new_case_sent_for_moderation_is_listed_once_and_not_as_an_edit(alice_client,
                                                                          draft):
    draft.data.update({"municipality": "2010063"})
    draft.save()
    alice_client.post(step_url(draft, "preview"), {"action": "submit"})
    draft.refresh_from_db()
    assert draft.state == Submission.State.SUBMITTED
    html = alice_client.get(reverse("members:cases")).content.decode()
    assert html.count("<th scope=\"row\">Budżet obywatelski Supraśla") == 1
    assert "an edit of a published case" not in html
    assert "An edit is in progress" not in html
