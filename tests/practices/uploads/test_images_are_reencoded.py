"""Accepted images are decoded and written anew: upright, in the same format, with nothing of
the original file but its pixels (no EXIF, GPS, comment, colour profile or trailing data)."""
import io

import pytest
from PIL import Image

from practices.uploads import store_image
from tests.practices.uploads import samples
from tests.practices.uploads.conftest import stored_files

pytestmark = pytest.mark.django_db


def reopened(field):
    with field.open("rb") as handle:
        data = handle.read()
    picture = Image.open(io.BytesIO(data))
    picture.load()
    return picture, data


@pytest.mark.parametrize("name, make, fmt", [
    ("photo.jpg", samples.jpeg_with_gps, "JPEG"),
    ("diagram.png", samples.png_with_gps, "PNG"),
    ("photo.webp", samples.webp_with_gps, "WEBP"),
], ids=["jpeg", "png", "webp"])
def test_each_accepted_format_is_stored_again_without_gps_or_exif(media_root, draft, name,
                                                                   make, fmt):
    data = make()
    original = Image.open(io.BytesIO(data))
    assert original.getexif().get_ifd(samples.GPS_IFD)  # the original carries GPS
    assert b"Camera maker" in data

    image = store_image(draft, samples.upload(name, data), alt="Mieszkańcy głosują")

    picture, stored = reopened(image.image)
    assert picture.format == fmt
    assert not picture.getexif()
    assert not picture.getexif().get_ifd(samples.GPS_IFD)
    assert b"Exif" not in stored
    assert b"Camera maker" not in stored
    assert not {"icc_profile", "xmp", "exif", "comment"} & set(picture.info)
    assert image.alt == "Mieszkańcy głosują"
    assert image.submission == draft and image.practice is None


def test_the_jpeg_comment_and_colour_profile_are_gone(media_root, draft):
    image = store_image(draft, samples.upload("photo.jpg", samples.jpeg_with_gps()))

    _, stored = reopened(image.image)
    assert b"secret comment" not in stored
    assert b"ICC_PROFILE" not in stored


def test_the_exif_orientation_is_applied_to_the_pixels(media_root, draft):
    # Stored 400 × 200 with red on the left, to be shown turned 90° clockwise.
    image = store_image(draft, samples.upload("photo.jpg", samples.jpeg_with_gps()))

    picture, _ = reopened(image.image)
    assert picture.size == (200, 400)
    assert (image.width, image.height) == (200, 400)
    red, green, blue = picture.convert("RGB").getpixel((100, 50))
    assert red > 200 and blue < 60  # the red half is now on top
    red, green, blue = picture.convert("RGB").getpixel((100, 350))
    assert blue > 200 and red < 60


@pytest.mark.parametrize("name, make, size", [
    ("diagram.png", lambda: samples.png_with_gps(1000, 300), (480, 144)),
    ("photo.webp", lambda: samples.webp_with_gps(600, 300), (480, 240)),
    ("small.jpg", lambda: samples.jpeg_with_gps(orientation=None, width=300, height=100),
     (300, 100)),
], ids=["png", "webp", "small-jpeg"])
def test_the_thumbnail_is_480_pixels_wide_or_the_image_itself_when_smaller(media_root, draft,
                                                                           name, make, size):
    image = store_image(draft, samples.upload(name, make()))

    thumbnail, stored = reopened(image.thumbnail)
    assert thumbnail.size == size
    assert b"Exif" not in stored


def test_a_png_keeps_its_transparency(media_root, draft):
    picture = Image.new("RGBA", (20, 10), (0, 0, 0, 0))
    image = store_image(draft, samples.upload("clear.png", samples.encoded(picture, "PNG")))

    stored, _ = reopened(image.image)
    assert stored.mode == "RGBA"
    assert stored.getpixel((5, 5))[3] == 0


def test_data_hidden_after_a_jpeg_does_not_survive(media_root, draft):
    # A JPEG followed by a zip archive (a polyglot that both programs open): the pixels are
    # kept, the archive is not.
    data = samples.jpeg_with_gps(orientation=None) + samples.zip_file()

    image = store_image(draft, samples.upload("photo.jpg", data))

    _, stored = reopened(image.image)
    assert b"PK\x03\x04" not in stored
    assert b"photo.jpg" not in stored


def test_stored_names_are_new_and_keep_nothing_of_the_uploaded_name(media_root, draft):
    image = store_image(draft, samples.upload("../../etc/passwd.jpg.html",
                                              samples.jpeg_with_gps()))

    files = stored_files(media_root)
    assert files == sorted([image.image.name, image.thumbnail.name])
    assert all(name.startswith(f"cases/{draft.pk}/") for name in files)
    assert not any("passwd" in name or "html" in name for name in files)
    assert image.image.name.endswith(".jpg") and image.thumbnail.name.endswith("-thumb.jpg")


def test_a_colour_profile_that_cannot_be_read_is_dropped_too(media_root, draft):
    data = samples.encoded(samples.halves(40, 20), "PNG", icc_profile=b"not a profile at all")
    assert b"iCCP" in data

    image = store_image(draft, samples.upload("odd.png", data))

    picture, stored = reopened(image.image)
    assert b"iCCP" not in stored and b"iCCP" not in reopened(image.thumbnail)[1]
    assert "icc_profile" not in picture.info


def test_a_phones_multi_picture_jpeg_is_stored_as_a_plain_jpeg_of_its_first_picture(
        media_root, draft):
    data = samples.encoded(samples.halves(40, 20), "MPO", save_all=True,
                           append_images=[Image.new("RGB", (40, 20), "green")])
    assert Image.open(io.BytesIO(data)).format == "MPO"

    image = store_image(draft, samples.upload("photo.jpg", data))

    picture, stored = reopened(image.image)
    assert picture.format == "JPEG" and getattr(picture, "n_frames", 1) == 1
    assert picture.getpixel((5, 10))[0] > 200  # the red half of the first picture
