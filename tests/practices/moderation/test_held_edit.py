"""A held edit: a member's edit of a published case waits as a submission; the published
version stays in the API, on the map and on the case page until a moderator approves it."""
import itertools
import json

import pytest
from django.test import Client

from practices import moderation
from practices.models import ModerationEvent, Practice, Status, Submission
from tests.practices.moderation.conftest import case_data

OLD, NEW = "Budżet obywatelski 2024", "Poprawiony budżet obywatelski 2024"


def public_view(practice):
    """What an anonymous visitor sees of the case: the API's title and voters, the map's
    point for it and the case page."""
    client = Client()

    def body(path):
        response = client.get(path)
        assert response.status_code == 200, path
        content = (b"".join(response.streaming_content) if response.streaming
                   else response.content)
        return content.decode()

    api = json.loads(body(f"/api/practices/{practice.slug}/"))["properties"]
    points = json.loads(body("/api/points/"))
    ids = itertools.accumulate(points["id"])
    rows = [(case_id, *points["places"][place])
            for case_id, place in zip(ids, points["place"], strict=True)]
    page = body(practice.get_absolute_url())
    return {"api": (api["title"], api["facts"].get("voters")),
            "map": rows,
            "page": (OLD in page, NEW in page)}


def test_the_published_version_stays_public_while_an_edit_waits(published, held_edit):
    before = {"api": (OLD, 1200), "map": [(published.pk, 23.15, 53.15)], "page": (True, False)}

    assert public_view(published) == before
    published.refresh_from_db()
    assert (published.title, published.status) == (OLD, Status.PUBLISHED)
    assert held_edit.state == Submission.State.SUBMITTED
    event = held_edit.events.get()
    assert (event.action, event.from_status, event.to_status) == (
        "submitted", "published", "published")


def test_approving_the_edit_makes_it_public(published, held_edit, moderator):
    moderation.publish(held_edit, actor=moderator, reason="Zgoda.")

    published.refresh_from_db()
    assert published.title == NEW and published.status == Status.PUBLISHED
    view = public_view(published)
    assert view["api"] == (NEW, 1500) and view["page"] == (False, True)
    assert view["map"] == [(published.pk, 23.12, 53.12)]
    assert ModerationEvent.objects.filter(action="edit_approved", submission=held_edit).exists()


@pytest.mark.parametrize("decide", ["request_changes", "reject"])
def test_a_held_edit_sent_back_or_rejected_leaves_the_published_case(published, held_edit,
                                                                     moderator, decide):
    getattr(moderation, decide)(held_edit, actor=moderator, reason="Nie zgadza się z BIP.")

    published.refresh_from_db()
    assert (published.title, published.status) == (OLD, Status.PUBLISHED)
    assert public_view(published)["api"] == (OLD, 1200)


def test_withdrawing_a_held_edit_leaves_the_published_case(published, held_edit, member):
    moderation.withdraw(held_edit, actor=member)

    assert Practice.objects.get().status == Status.PUBLISHED


def test_a_bad_held_edit_is_refused_before_it_waits(published, member):
    edit = Submission.objects.create(author=member, practice=published,
                                     data=case_data(year="1800"))

    with pytest.raises(Exception) as raised:
        moderation.submit(edit, actor=member)

    assert list(raised.value.message_dict) == ["year"]
    assert Practice.objects.get().year == 2024


def test_an_edit_keeping_the_published_cases_image_is_published_with_it(
        draft, member, moderator, make_image):
    image = make_image(draft)
    draft.data["images"] = [image.pk]
    draft.save()
    moderation.publish(moderation.submit(draft, actor=member), actor=moderator)
    case = Practice.objects.get()
    edit = Submission.objects.create(author=member, practice=case, data=case_data(
        title=NEW, images=[image.pk]))
    moderation.submit(edit, actor=member)
    moderation.publish(edit, actor=moderator)
    case.refresh_from_db()
    assert (case.title, list(case.images.all())) == (NEW, [image])
