"""The widget's endpoints (media:upload, media:delete): signed-in authors of an open
submission and moderators add and remove files; every refusal is a 400 JSON naming the field,
never a 500, and a request too large is refused before its body is read."""
import pytest
from django.test import Client
from django.urls import reverse

from practices.models import CaseAttachment, CaseImage, Status, Submission
from tests.factories import make_practice
from tests.practices.uploads import samples
from tests.practices.uploads.conftest import stored_files

pytestmark = pytest.mark.django_db


def signed_in(user, enforce_csrf=False):
    client = Client(enforce_csrf_checks=enforce_csrf)
    if user:
        client.force_login(user)
    return client


def post_image(client, submission, data=None, name="photo.jpg", alt="Głosowanie",
               query="?kind=image", **extra):
    data = samples.jpeg_with_gps() if data is None else data
    return client.post(reverse("media:upload", args=[submission.pk]) + query,
                       {"image": samples.upload(name, data), "alt": alt}, **extra)


def test_an_author_uploads_an_image_and_gets_its_id_thumbnail_and_alt(media_root, draft,
                                                                     member):
    response = post_image(signed_in(member), draft)

    assert response.status_code == 201
    image = CaseImage.objects.get()
    assert response.json() == {
        "id": image.pk, "kind": "image", "own": True,
        "url": f"/media/cases/{draft.pk}/{image.image.name.rsplit('/', 1)[1]}",
        "thumbnail": f"/media/cases/{draft.pk}/{image.thumbnail.name.rsplit('/', 1)[1]}",
        "alt": "Głosowanie", "width": 200, "height": 400,
    }
    assert signed_in(member).get(response.json()["thumbnail"]).status_code == 200


def test_an_author_uploads_a_pdf(media_root, draft, member):
    url = reverse("media:upload", args=[draft.pk]) + "?kind=attachment"
    response = signed_in(member).post(url, {
        "file": samples.upload("raport.pdf", samples.pdf()), "title": "Raport z konsultacji",
    })

    assert response.status_code == 201
    attachment = CaseAttachment.objects.get()
    assert response.json() == {
        "id": attachment.pk, "kind": "attachment", "own": True, "url": attachment.file.url,
        "title": "Raport z konsultacji", "size": attachment.size,
        "size_display": response.json()["size_display"],
    }


def test_a_refused_file_is_a_400_naming_the_field_in_the_widgets_language(media_root, draft,
                                                                         member):
    polish = post_image(signed_in(member), draft, samples.SVG, name="a.jpg")
    english = post_image(signed_in(member), draft, samples.SVG, name="a.jpg",
                         query="?kind=image&language=en")

    assert polish.status_code == english.status_code == 400
    assert polish.json() == {"errors": {"image": ["Ten plik nie jest obrazem JPEG, PNG ani WebP."]}}
    assert english.json() == {"errors": {"image": ["This file is not a JPEG, PNG or WebP image."]}}
    assert CaseImage.objects.count() == 0 and stored_files(media_root) == []


def test_a_request_over_the_limit_is_refused_from_its_length_with_a_400(media_root, draft,
                                                                       member, settings):
    settings.MAPA_UPLOAD_MAX_REQUEST_BYTES = 2000

    response = post_image(signed_in(member), draft)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["image"]
    assert response.json()["errors"]["image"][0].startswith("Plik jest za duży")
    assert CaseImage.objects.count() == 0


def test_an_image_too_large_for_the_image_limit_is_a_400_not_a_500(media_root, draft, member,
                                                                  settings):
    settings.MAPA_IMAGE_MAX_BYTES = 1000

    response = post_image(signed_in(member), draft)

    assert response.status_code == 400
    assert response.json()["errors"]["image"][0].startswith("Plik jest za duży")


def test_no_file_is_a_400(media_root, draft, member):
    response = signed_in(member).post(reverse("media:upload", args=[draft.pk]), {"alt": "x"})

    assert response.status_code == 400
    assert response.json() == {"errors": {"image": ["Wybierz plik do wysłania."]}}


def test_an_upload_without_the_csrf_token_is_refused(media_root, draft, member):
    response = post_image(signed_in(member, enforce_csrf=True), draft)

    assert response.status_code == 403
    assert CaseImage.objects.count() == 0


def test_an_upload_with_the_csrf_token_header_is_accepted(media_root, draft, member):
    client = signed_in(member, enforce_csrf=True)
    client.get("/")  # any page sets no cookie; the widget gets the token from its page
    from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret

    secret = _get_new_csrf_string()
    client.cookies["csrftoken"] = secret
    response = post_image(client, draft, HTTP_X_CSRFTOKEN=_mask_cipher_secret(secret))

    assert response.status_code == 201


@pytest.mark.parametrize("who, status", [
    ("anonymous", 403), ("other_member", 404),
])
def test_someone_else_cannot_upload_or_list(media_root, draft, other_member, who, status):
    client = signed_in(other_member if who == "other_member" else None)

    assert post_image(client, draft).status_code == status
    assert client.get(reverse("media:upload", args=[draft.pk])).status_code == status
    assert CaseImage.objects.count() == 0


def test_a_moderator_may_add_to_a_submission_waiting_for_review_but_its_author_not(
        media_root, member, moderator):
    waiting = Submission.objects.create(author=member, state=Submission.State.SUBMITTED)

    by_author = post_image(signed_in(member), waiting)
    by_moderator = post_image(signed_in(moderator), waiting)

    assert by_author.status_code == 400
    assert by_author.json() == {"errors": {"submission": [
        "Tego zgłoszenia nie można już zmienić: zostało wysłane do moderacji albo rozpatrzone."
    ]}}
    assert by_moderator.status_code == 201


def test_the_list_holds_the_datas_items_then_the_submissions_unlisted_ones(
        media_root, draft, member, bialystok):
    first = post_image(signed_in(member), draft).json()
    second = post_image(signed_in(member), draft).json()
    practice = make_practice(bialystok, status=Status.PUBLISHED, author=member)
    published = post_image(signed_in(member), draft).json()
    CaseImage.objects.filter(pk=published["id"]).update(practice=practice, submission=None)
    draft.practice = practice
    draft.data = {"images": [second["id"], published["id"], 99999]}
    draft.save()

    answer = signed_in(member).get(reverse("media:upload", args=[draft.pk])).json()

    assert [(item["id"], item["own"]) for item in answer["images"]] == [
        (second["id"], True), (published["id"], False), (first["id"], True),
    ]
    assert answer["attachments"] == []


def test_the_author_removes_an_image_and_its_files_go(
        media_root, draft, member, django_capture_on_commit_callbacks):
    added = post_image(signed_in(member), draft).json()
    assert len(stored_files(media_root)) == 2

    with django_capture_on_commit_callbacks(execute=True):  # files go once it is committed
        response = signed_in(member).post(reverse("media:delete", args=[draft.pk, "image",
                                                                         added["id"]]))

    assert response.status_code == 200
    assert response.json() == {"deleted": added["id"], "kind": "image"}
    assert CaseImage.objects.count() == 0
    assert stored_files(media_root) == []


def test_no_one_else_removes_an_image_and_a_published_one_is_never_removed(
        media_root, draft, member, other_member, bialystok):
    added = post_image(signed_in(member), draft).json()
    url = reverse("media:delete", args=[draft.pk, "image", added["id"]])

    assert signed_in(other_member).post(url).status_code == 404
    assert signed_in(None).post(url).status_code == 403
    assert signed_in(member).get(url).status_code == 405
    CaseImage.objects.update(
        practice=make_practice(bialystok, status=Status.PUBLISHED, author=member)
    )
    assert signed_in(member).post(url).status_code == 404
    assert CaseImage.objects.count() == 1 and len(stored_files(media_root)) == 2


def test_control_characters_in_the_description_and_title_are_made_spaces(media_root, draft,
                                                                         member):
    image = post_image(signed_in(member), draft, alt="Sala\x00 obrad\n\tgminy").json()
    url = reverse("media:upload", args=[draft.pk]) + "?kind=attachment"
    document = signed_in(member).post(url, {
        "file": samples.upload("Raport\x00.pdf", samples.pdf()),
    }).json()

    assert image["alt"] == "Sala obrad gminy"
    assert document["title"] == "Raport"


def test_an_upload_joins_the_submissions_data_and_a_removal_leaves_it(media_root, draft,
                                                                       member):
    draft.data = {"title": "Budżet", "images": []}
    draft.save()
    first = post_image(signed_in(member), draft).json()
    second = post_image(signed_in(member), draft).json()
    draft.refresh_from_db()
    assert draft.data == {"title": "Budżet", "images": [first["id"], second["id"]]}

    signed_in(member).post(reverse("media:delete", args=[draft.pk, "image", first["id"]]))

    draft.refresh_from_db()
    assert draft.data == {"title": "Budżet", "images": [second["id"]]}
