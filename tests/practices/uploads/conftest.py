"""Uploads go to a fresh MEDIA_ROOT in tmp_path; a draft of alice's to attach them to."""
import pytest
from PIL import Image

from practices.models import Submission


@pytest.fixture(autouse=True)
def pillow_pixel_limit():
    """Each upload sets Pillow's process-wide pixel limit from MAPA_IMAGE_MAX_PIXELS; a test
    that lowers the setting to 100 pixels left it there for the next test in its process, whose
    own checks of stored images then failed (Pillow refuses above twice the limit). Put back
    after every test."""
    saved = Image.MAX_IMAGE_PIXELS
    yield
    Image.MAX_IMAGE_PIXELS = saved


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def draft(db, member):
    return Submission.objects.create(author=member, data={"title": "Budżet obywatelski"})


def stored_files(root):
    """Every file under `root`, as paths relative to it."""
    if not root.exists():
        return []
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())
