"""Uploads go to a fresh MEDIA_ROOT in tmp_path; a draft of alice's to attach them to."""
import pytest

from practices.models import Submission


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
