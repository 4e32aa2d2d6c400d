"""Images and documents leave no files behind: removed from the form, deleted with their case,
or with a draft that never became a case. A deletion that is rolled back keeps them."""
import pytest
from django.db import transaction

from practices.models import CaseAttachment, CaseImage, Status, Submission
from practices.uploads import delete_item, store_attachment, store_image
from tests.factories import make_practice
from tests.practices.uploads import samples
from tests.practices.uploads.conftest import stored_files

pytestmark = pytest.mark.django_db


def add_files(submission):
    image = store_image(submission, samples.upload("a.jpg", samples.jpeg_with_gps()))
    document = store_attachment(submission, samples.upload("a.pdf", samples.pdf()))
    return image, document


def test_an_item_removed_from_the_form_takes_its_files(
        media_root, draft, django_capture_on_commit_callbacks):
    image, document = add_files(draft)
    assert len(stored_files(media_root)) == 3  # image, thumbnail, document
    with django_capture_on_commit_callbacks(execute=True):
        delete_item(image)
    assert stored_files(media_root) == [document.file.name]


def test_a_deleted_case_takes_its_images_and_documents(
        media_root, member, bialystok, django_capture_on_commit_callbacks):
    practice = make_practice(bialystok, status=Status.PUBLISHED, author=member)
    approved = Submission.objects.create(author=member, practice=practice,
                                         state=Submission.State.APPROVED)
    for item in add_files(approved):
        item.practice = practice
        item.save()
    with django_capture_on_commit_callbacks(execute=True):
        practice.delete()
    assert stored_files(media_root) == []
    assert not CaseImage.objects.exists() and not CaseAttachment.objects.exists()


def test_a_deleted_draft_takes_what_only_it_holds_but_not_a_cases_files(
        media_root, member, bialystok, draft, django_capture_on_commit_callbacks):
    add_files(draft)
    practice = make_practice(bialystok, status=Status.PUBLISHED, author=member)
    approved = Submission.objects.create(author=member, practice=practice,
                                         state=Submission.State.APPROVED)
    kept = add_files(approved)
    for item in kept:
        item.practice = practice
        item.save()
    with django_capture_on_commit_callbacks(execute=True):
        draft.delete()
        approved.delete()
    assert stored_files(media_root) == sorted(
        name for item in kept for name in (
            [item.image.name, item.thumbnail.name] if isinstance(item, CaseImage)
            else [item.file.name])
    )
    assert CaseImage.objects.get().practice == practice


def test_a_rolled_back_deletion_keeps_the_files(media_root, draft):
    image, _document = add_files(draft)
    pk = image.pk
    with pytest.raises(RuntimeError), transaction.atomic():
        image.delete()
        raise RuntimeError("the deletion is undone")
    assert len(stored_files(media_root)) == 3
    assert CaseImage.objects.filter(pk=pk).exists()
