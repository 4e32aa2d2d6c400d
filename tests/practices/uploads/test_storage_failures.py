"""A full disk or a media folder that cannot be written (issue 11): the upload gets a clear
error, and neither a file (not even half of one) nor a row is left behind.

The folders are real file systems: a tmpfs mounted read-only (which refuses root too, unlike
chmod) and a tiny tmpfs that fills up in the middle of a write. Mounting needs root; without
it the read-only case falls back to chmod 0o500 and the full-disk case is skipped."""
import os
import subprocess

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image

from practices.models import CaseAttachment, CaseImage
from practices.uploads import MediaNotStored, store_attachment, store_image
from tests.practices.uploads import samples
from tests.practices.uploads.conftest import stored_files

pytestmark = pytest.mark.django_db

NOT_STORED = (
    "Serwer nie mógł zapisać pliku (jego miejsce na pliki jest pełne albo niedostępne do "
    "zapisu). Nic nie zostało zapisane; spróbuj ponownie później."
)


def mount_tmpfs(folder, options):
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    result = subprocess.run(  # fixed arguments, a folder of this test
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True, check=False,
    )
    return result.returncode == 0


def unmount(folder):
    subprocess.run(["umount", str(folder)], capture_output=True, check=False)


@pytest.fixture
def read_only_media(settings, tmp_path):
    folder = tmp_path / "media"
    mounted = mount_tmpfs(folder, "ro,size=1m")
    if not mounted:
        folder.chmod(0o500)
    settings.MEDIA_ROOT = str(folder)
    yield folder
    if mounted:
        unmount(folder)
    else:
        folder.chmod(0o700)


@pytest.fixture
def full_media(settings, tmp_path):
    folder = tmp_path / "media"
    if not mount_tmpfs(folder, "size=64k"):
        pytest.skip("mounting a small tmpfs needs root")
    settings.MEDIA_ROOT = str(folder)
    yield folder
    unmount(folder)


def noisy_jpeg():
    """A photo of noise: about half a megabyte once re-encoded, more than the full disk has."""
    return samples.encoded(Image.effect_noise((700, 700), 120).convert("RGB"), "JPEG",
                           quality=95)


def test_an_unwritable_media_folder_gives_a_clear_error_and_stores_nothing(read_only_media,
                                                                          draft):
    with pytest.raises(MediaNotStored) as caught:
        store_image(draft, samples.upload("a.jpg", samples.jpeg_with_gps()))

    assert caught.value.message_dict == {"image": [NOT_STORED]}
    assert CaseImage.objects.count() == 0
    assert stored_files(read_only_media) == []


def test_a_full_disk_leaves_no_half_written_file_and_no_row(full_media, draft):
    with pytest.raises(MediaNotStored) as caught:
        store_image(draft, samples.upload("a.jpg", noisy_jpeg()))

    assert caught.value.message_dict == {"image": [NOT_STORED]}
    assert CaseImage.objects.count() == 0
    assert stored_files(full_media) == []


def test_a_pdf_on_a_full_disk_leaves_nothing_either(full_media, draft):
    big = samples.pdf() + b"%" + os.urandom(200_000)

    with pytest.raises(MediaNotStored):
        store_attachment(draft, samples.upload("a.pdf", big))

    assert CaseAttachment.objects.count() == 0
    assert stored_files(full_media) == []


def test_the_upload_endpoint_answers_503_with_the_message(read_only_media, draft, member):
    client = Client()
    client.force_login(member)

    response = client.post(reverse("media:upload", args=[draft.pk]),
                           {"image": samples.upload("a.jpg", samples.jpeg_with_gps())})

    assert response.status_code == 503
    assert response.json() == {"errors": {"image": [NOT_STORED]}}
