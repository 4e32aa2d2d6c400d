"""The Django admin goes through the moderation service: the status is read-only, and the
actions publish, send back and archive ask for a reason and call practices.moderation."""
import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from practices.models import ModerationEvent, Practice, Status
from tests.factories import make_practice

CHANGELIST = "/admin/practices/practice/"


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    return client


def act(client, action, cases, **extra):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [c.pk for c in cases],
                                    "index": 0, **extra})


def test_an_action_first_asks_for_the_reason(admin_client, bialystok):
    case = make_practice(bialystok, status=Status.PUBLISHED)

    response = act(admin_client, "archive", [case])

    assert response.status_code == 200
    assert "Uzasadnienie" in response.content.decode()
    assert Practice.objects.get().status == Status.PUBLISHED


def test_archiving_with_a_reason_goes_through_the_service(admin_client, bialystok):
    case = make_practice(bialystok, status=Status.PUBLISHED)

    response = act(admin_client, "archive", [case], apply="1", reason="Nieaktualne.")

    assert response.status_code == 302
    event = ModerationEvent.objects.get()
    assert (event.action, event.reason, event.actor.username) == (
        "archived", "Nieaktualne.", "root")
    assert Practice.objects.get().status == Status.ARCHIVED


def test_archiving_without_a_reason_is_refused(admin_client, bialystok):
    case = make_practice(bialystok, status=Status.PUBLISHED)

    response = act(admin_client, "archive", [case], apply="1", reason=" ")

    assert response.status_code == 200
    assert "Podaj uzasadnienie" in response.content.decode()
    assert Practice.objects.get().status == Status.PUBLISHED


def test_publishing_and_sending_back_imported_cases(admin_client, bialystok):
    first = make_practice(bialystok, status=Status.SUBMITTED)
    second = make_practice(bialystok, status=Status.SUBMITTED)

    act(admin_client, "publish", [first], apply="1", reason="")
    act(admin_client, "send_back", [second], apply="1", reason="Brak źródła.")

    assert Practice.objects.get(pk=first.pk).status == Status.PUBLISHED
    assert Practice.objects.get(pk=second.pk).status == Status.CHANGES_REQUESTED


def test_publishing_a_case_already_published_reports_it(admin_client, bialystok):
    case = make_practice(bialystok, status=Status.PUBLISHED)

    act(admin_client, "publish", [case], apply="1")

    page = admin_client.get(CHANGELIST).content.decode()
    assert "Praktyka jest już opublikowana." in page
    assert not ModerationEvent.objects.exists()
    assert Practice.objects.get().status == Status.PUBLISHED


def test_saving_a_case_in_the_admin_does_not_change_its_status(admin_client, bialystok):
    case = make_practice(bialystok, status=Status.SUBMITTED, facts={"voters": 10})
    url = reverse("admin:practices_practice_change", args=[case.pk])

    response = admin_client.post(url, {
        "title": "Nowy tytuł", "tool": case.tool_id, "municipality": case.municipality_id,
        "status": "published", "year": case.year, "location": case.location.json,
        "licence": case.licence, "facts": '{"voters": 10}', "summary": "",
        "links-TOTAL_FORMS": "0", "links-INITIAL_FORMS": "0",
    })

    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.title, case.status) == ("Nowy tytuł", Status.SUBMITTED)


def test_staff_without_the_moderation_permission_get_no_moderation_actions(
        client, django_user_model, bialystok):
    user = django_user_model.objects.create_user("staff", "s@example.org", "pw", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(
        codename__in=["view_practice", "change_practice"]))
    client.force_login(user)

    response = client.get(CHANGELIST)

    assert response.status_code == 200 and response.context["action_form"] is None
