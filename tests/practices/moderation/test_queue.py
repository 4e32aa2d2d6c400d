"""The moderation queue: moderators only, submitted cases oldest first, paginated, each with
its tool, gmina, author, age and whether it is a new case or an edit of a published one."""
import datetime

import pytest
from django.utils import timezone

from practices import moderation
from practices.models import Submission
from tests.practices.moderation.conftest import case_data

QUEUE = "/moderacja/"


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get(QUEUE)

    assert response.status_code == 302
    assert "next=/moderacja/" in response["Location"]


@pytest.mark.parametrize("path", [QUEUE, "/moderacja/1/", "/moderacja/praktyki/1/historia/"])
def test_members_are_refused(client, member, path):
    client.force_login(member)

    assert client.get(path).status_code == 403


@pytest.mark.parametrize("path", ["/moderacja/1/decyzja/", "/moderacja/praktyki/1/weryfikacja/",
                                  "/moderacja/praktyki/1/historia/1/przywroc/"])
def test_members_cannot_post_decisions(client, member, path):
    client.force_login(member)

    assert client.post(path, {"action": "publish"}).status_code == 403


def submit(member, title, days_ago, **data):
    submission = Submission.objects.create(author=member, data=case_data(title=title, **data))
    moderation.submit(submission, actor=member)
    Submission.objects.filter(pk=submission.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=days_ago))
    return submission


def test_the_queue_lists_waiting_submissions_oldest_first(client, moderator, member, bialystok,
                                                          held_edit):
    submit(member, "Najnowsza", 1)
    submit(member, "Najstarsza", 30)
    Submission.objects.filter(pk=held_edit.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=10))
    draft = Submission.objects.create(author=member, data=case_data(title="Szkic"))
    assert draft.state == "draft"
    client.force_login(moderator)

    response = client.get(QUEUE)

    rows = response.context["rows"]
    assert [(row["title"], row["is_edit"], row["tool"], row["gmina"]) for row in rows] == [
        ("Najstarsza", False, "Budżet obywatelski", "Białystok"),
        ("Poprawiony budżet obywatelski 2024", True, "Budżet obywatelski", "Białystok"),
        ("Najnowsza", False, "Budżet obywatelski", "Białystok"),
    ]
    page = response.content.decode()
    assert "Kolejka moderacji" in page
    assert page.index("Najstarsza") < page.index("Najnowsza")
    assert "edycja opublikowanej praktyki" in page and "nowa praktyka" in page
    assert "alice" in page and "1\xa0miesiąc" in page


def test_the_queue_is_paginated(client, moderator, member, bialystok):
    for n in range(52):
        submit(member, f"Praktyka {n:02d}", 100 - n)
    client.force_login(moderator)

    first = client.get(QUEUE).context["rows"]
    second = client.get(QUEUE, {"page": 2}).context["rows"]

    assert [row["title"] for row in first][:2] == ["Praktyka 00", "Praktyka 01"]
    assert len(first) == 50 and [row["title"] for row in second] == [
        "Praktyka 50", "Praktyka 51"]
