"""The case page shows a case's own images (thumbnails linking to the full image, with their
descriptions) and documents (downloads with their size); files of an edit waiting for review
are not on it."""
import pytest
from django.template.defaultfilters import filesizeformat
from django.test import Client
from django.utils import translation

from practices.models import Status, Submission
from practices.uploads import store_attachment, store_image
from tests.factories import make_practice
from tests.practices.uploads import samples

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(media_root, member, bialystok):
    practice = make_practice(bialystok, status=Status.PUBLISHED, author=member)
    approved = Submission.objects.create(author=member, practice=practice,
                                         state=Submission.State.APPROVED)
    image = store_image(approved, samples.upload("a.jpg", samples.jpeg_with_gps()),
                        alt='Mieszkańcy przy urnie <script>alert(1)</script>')
    document = store_attachment(approved, samples.upload("a.pdf", samples.pdf()),
                                title="Uchwała nr 12")
    for item in (image, document):
        item.practice = practice
        item.save()
    return practice, image, document


def test_the_case_page_shows_thumbnails_linking_to_images_and_documents_with_sizes(published):
    practice, image, document = published

    page = Client().get(practice.get_absolute_url()).content.decode()

    assert "Zdjęcia i dokumenty" in page
    assert (f'<a href="{image.image.url}"><img src="{image.thumbnail.url}" '
            'alt="Mieszkańcy przy urnie &lt;script&gt;alert(1)&lt;/script&gt;"') in page
    assert "<script>alert(1)" not in page
    assert f'<a href="{document.file.url}" download>Uchwała nr 12</a>' in page
    with translation.override("pl"):
        assert f"(PDF, {filesizeformat(document.size)})" in page


def test_images_of_an_edit_waiting_for_review_are_not_on_the_case_page(published, member):
    practice, image, _document = published
    edit = Submission.objects.create(author=member, practice=practice)
    waiting = store_image(edit, samples.upload("b.jpg", samples.jpeg_with_gps()))

    page = Client().get(practice.get_absolute_url()).content.decode()

    assert image.thumbnail.url in page
    assert waiting.thumbnail.url not in page and waiting.image.url not in page


def test_a_case_without_files_has_no_media_section(media_root, member, bialystok):
    practice = make_practice(bialystok, status=Status.PUBLISHED, author=member)

    page = Client().get(practice.get_absolute_url()).content.decode()

    assert "Zdjęcia i dokumenty" not in page
