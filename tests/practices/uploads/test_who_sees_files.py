"""Who may see each stored file (practices.media.files): files of a published case are for
everyone; a submission's files (a draft, a submission waiting for review, an edit of a
published case not yet approved) and an archived case's files only for the author and
moderators. Anyone else gets a plain 404 that does not say the file exists."""
import pytest
from django.test import Client

from practices.models import Status, Submission
from practices.uploads import store_attachment, store_image
from tests.factories import make_practice
from tests.practices.uploads import samples

pytestmark = pytest.mark.django_db

VIEWERS = ["anonymous", "author", "other_member", "moderator"]
# Who sees the files of a case in each state.
SEES = {
    "draft": {"author", "moderator"},
    "submitted": {"author", "moderator"},
    "published": set(VIEWERS),
    "edit_of_published": {"author", "moderator"},
    "archived": {"author", "moderator"},
}


@pytest.fixture
def files_of(media_root, member, bialystok):
    """{state: [urls of an image, its thumbnail and a PDF]} for each state of SEES."""

    def make(state):
        practice = None
        if state in ("published", "edit_of_published", "archived"):
            status = Status.ARCHIVED if state == "archived" else Status.PUBLISHED
            practice = make_practice(bialystok, status=status, author=member)
        submission_state = {
            "draft": Submission.State.DRAFT, "submitted": Submission.State.SUBMITTED,
            "edit_of_published": Submission.State.DRAFT,
        }.get(state, Submission.State.APPROVED)
        submission = Submission.objects.create(author=member, practice=practice,
                                               state=submission_state)
        image = store_image(submission, samples.upload("a.jpg", samples.jpeg_with_gps()))
        document = store_attachment(submission, samples.upload("a.pdf", samples.pdf()))
        if state in ("published", "archived"):
            # What approving the submission does (practices.moderation).
            image.practice = document.practice = practice
            image.save()
            document.save()
        return [image.image.url, image.thumbnail.url, document.file.url]

    return make


def client_for(viewer, member, other_member, moderator):
    client = Client()
    user = {"author": member, "other_member": other_member, "moderator": moderator}.get(viewer)
    if user:
        client.force_login(user)
    return client


@pytest.mark.parametrize("state", list(SEES))
@pytest.mark.parametrize("viewer", VIEWERS)
def test_each_file_is_served_only_to_who_may_see_it(files_of, member, other_member, moderator,
                                                    viewer, state):
    urls = files_of(state)
    client = client_for(viewer, member, other_member, moderator)

    statuses = [client.get(url).status_code for url in urls]

    expected = 200 if viewer in SEES[state] else 404
    assert statuses == [expected] * 3


def test_a_refusal_looks_like_a_missing_file_and_is_never_stored(files_of, client):
    hidden = files_of("draft")[0]

    refused = client.get(hidden)
    missing = client.get(hidden.replace(".jpg", "0.jpg"))

    assert refused.status_code == missing.status_code == 404
    assert refused.content == missing.content
    assert "no-store" in refused["Cache-Control"]


def test_urls_are_the_language_neutral_media_file_route(files_of):
    from django.urls import reverse
    from django.utils import translation

    url = files_of("published")[0]
    with translation.override("en"):
        assert reverse("media:file", args=[url.removeprefix("/media/cases/")]) == url
    assert url.startswith("/media/cases/")


def test_a_path_outside_the_cases_folder_is_not_served(files_of, client, media_root):
    files_of("published")
    (media_root / "secret.txt").write_text("secret")

    for path in ("/media/secret.txt", "/media/cases/../secret.txt",
                 "/media/cases/%2e%2e/secret.txt"):
        assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", [
    "/media/cases/1/a%00b.jpg", "/media/cases/1/" + "x" * 5000 + ".jpg",
    "/media/cases/%F0%9F%98%80", "/media/cases/1/a.svg", "/media/cases/",
])
def test_a_hostile_file_name_is_a_404_not_a_server_error(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", [
    "/moje-praktyki/99999999999999999999/media/",
    "/moje-praktyki/1/media/image/99999999999999999999/usun/",
    "/moje-praktyki/1/media/%00/1/usun/",
])
def test_a_hostile_upload_address_is_not_a_server_error(member, path):
    client = Client()
    client.force_login(member)

    assert client.get(path).status_code in (404, 405)
    assert client.post(path).status_code in (400, 404)
