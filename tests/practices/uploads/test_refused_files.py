"""Anything that is not a JPEG, PNG or WebP image (or a readable PDF) is refused with a
message naming the field, whatever its name says, and leaves nothing stored."""
import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from practices.models import CaseAttachment, CaseImage
from practices.uploads import store_attachment, store_image
from tests.practices.uploads import samples
from tests.practices.uploads.conftest import stored_files

pytestmark = pytest.mark.django_db

NOT_AN_IMAGE = "Ten plik nie jest obrazem JPEG, PNG ani WebP."
NOT_A_PDF = "Ten plik nie jest dokumentem PDF."


@pytest.fixture(autouse=True)
def polish():
    with translation.override("pl"):
        yield


def refusal(store, submission, name, data, **kwargs):
    with pytest.raises(ValidationError) as caught:
        store(submission, samples.upload(name, data), **kwargs)
    return caught.value.message_dict


@pytest.mark.parametrize("name, make", [
    ("drawing.svg", lambda: samples.SVG),
    ("drawing.jpg", lambda: samples.SVG),
    ("photo.jpg", lambda: samples.HTML),
    ("animation.gif", samples.gif),
    ("animation.png", samples.gif),
    ("photo.jpg", samples.truncated_jpeg),
    ("photos.zip", samples.zip_file),
    ("photo.png", samples.zip_file),
    ("photo.png", samples.png_then_html),
    ("document.jpg", samples.pdf),
], ids=["svg", "svg-named-jpg", "html-named-jpg", "gif", "gif-named-png", "truncated-jpeg",
        "zip", "zip-named-png", "png-start-then-html", "pdf-named-jpg"])
def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(media_root, draft, name,
                                                                   make):
    errors = refusal(store_image, draft, name, make())

    assert errors == {"image": [NOT_AN_IMAGE]}
    assert CaseImage.objects.count() == 0
    assert stored_files(media_root) == []


def test_an_image_one_byte_over_the_limit_is_refused_before_it_is_read(media_root, draft,
                                                                      settings):
    data = samples.jpeg_with_gps()
    settings.MAPA_IMAGE_MAX_BYTES = len(data) - 1

    errors = refusal(store_image, draft, "photo.jpg", data)

    assert list(errors) == ["image"]
    assert errors["image"][0].startswith("Plik jest za duży")
    assert CaseImage.objects.count() == 0


def test_ten_megabytes_and_one_byte_is_over_the_default_limit(media_root, draft):
    data = samples.jpeg_with_gps()
    data += b"\0" * (10 * 1024 * 1024 + 1 - len(data))

    errors = refusal(store_image, draft, "photo.jpg", data)

    assert errors == {"image": ["Plik jest za duży (10,0\xa0MB); limit to 10,0\xa0MB."]}


def test_an_image_of_40_megapixels_and_one_pixel_is_refused_from_its_header(media_root, draft):
    # 40,000,001 pixels claimed by a file of a few dozen bytes: never decoded.
    data = samples.png_header(40_000_001, 1)
    assert len(data) < 100

    errors = refusal(store_image, draft, "huge.png", data)

    assert errors == {"image": [
        "Obraz jest za duży: 40000001 × 1 pikseli; limit to 40 megapikseli. "
        "Zmniejsz go i spróbuj ponownie."
    ]}


@pytest.mark.parametrize("width, height", [(20_000, 20_000), (100_000, 100_000)],
                         ids=["over-the-limit", "over-twice-the-limit"])
def test_a_decompression_bomb_is_refused_before_decoding(media_root, draft, width, height):
    errors = refusal(store_image, draft, "bomb.png", samples.png_header(width, height))

    assert errors["image"][0].startswith(f"Obraz jest za duży: {width} × {height} pikseli")


def test_the_pixel_limit_is_a_setting_and_the_limit_itself_is_allowed(media_root, draft,
                                                                     settings):
    settings.MAPA_IMAGE_MAX_PIXELS = 100
    exactly = samples.encoded(samples.halves(10, 10), "PNG")
    over = samples.encoded(samples.halves(101, 1), "PNG")

    assert store_image(draft, samples.upload("ok.png", exactly)).width == 10
    assert "image" in refusal(store_image, draft, "over.png", over)


@pytest.mark.parametrize("name, make", [
    ("report.pdf", lambda: samples.HTML),
    ("report.pdf", samples.jpeg_with_gps),
    ("report.pdf", samples.zip_file),
    ("report.pdf", lambda: b"%PDF-1.7\n" + b"garbage " * 50),
    ("report.pdf", lambda: samples.HTML + samples.pdf()),
], ids=["html", "jpeg", "zip", "pdf-header-only", "html-then-pdf"])
def test_a_file_that_is_not_a_pdf_is_refused_whatever_its_name(media_root, draft, name, make):
    errors = refusal(store_attachment, draft, name, make())

    assert errors == {"file": [NOT_A_PDF]}
    assert CaseAttachment.objects.count() == 0
    assert stored_files(media_root) == []


def test_an_encrypted_pdf_is_refused_with_a_message_saying_why(media_root, draft):
    errors = refusal(store_attachment, draft, "secret.pdf", samples.pdf(password="tajne"))

    assert errors == {"file": [
        "Ten plik PDF jest chroniony hasłem lub zaszyfrowany. Zapisz go bez zabezpieczeń i "
        "spróbuj ponownie."
    ]}
    assert CaseAttachment.objects.count() == 0


def test_a_pdf_over_twenty_megabytes_is_refused(media_root, draft):
    data = samples.pdf() + b"%" + b"x" * (20 * 1024 * 1024)

    errors = refusal(store_attachment, draft, "big.pdf", data)

    assert list(errors) == ["file"] and errors["file"][0].startswith("Plik jest za duży")


def test_an_empty_file_is_refused(media_root, draft):
    assert refusal(store_image, draft, "empty.jpg", b"") == {"image": ["Plik jest pusty."]}
    assert refusal(store_attachment, draft, "empty.pdf", b"") == {"file": ["Plik jest pusty."]}


def test_a_description_over_300_characters_is_refused(media_root, draft):
    errors = refusal(store_image, draft, "photo.jpg", samples.jpeg_with_gps(), alt="x" * 301)

    assert errors == {"alt": ["Opis może mieć najwyżej 300 znaków."]}
