"""Submissions in every state, built through the moderation service itself."""
import pytest

from practices import moderation
from practices.models import Submission


def case_data(**overrides):
    """Valid canonical data of a budżet obywatelski in Białystok (tests/practices/conftest)."""
    data = {
        "tool": "budzet-obywatelski", "title": "Budżet obywatelski 2024", "year": "2024",
        "summary": "Mieszkańcy wybrali 12 projektów.", "description": "Opis **projektu**.",
        "municipality": "2061011", "location": {"lon": 23.15, "lat": 53.15},
        "facts": {"voters": "1200", "projects_submitted": "40"},
        "links": [{"kind": "source", "url": "https://bip.example.org/uchwala", "label": "Uchwała"}],
    }
    data.update(overrides)
    return data


@pytest.fixture
def draft(db, bialystok, member):
    return Submission.objects.create(author=member, data=case_data())


@pytest.fixture
def submitted(draft, member):
    return moderation.submit(draft, actor=member)


@pytest.fixture
def published(submitted, moderator):
    """A published case (the submission that made it, approved)."""
    moderation.publish(submitted, actor=moderator)
    submitted.practice.refresh_from_db()
    return submitted.practice


@pytest.fixture
def held_edit(published, member):
    """A member's edit of a published case, waiting for review."""
    edit = Submission.objects.create(author=member, practice=published, data=case_data(
        title="Poprawiony budżet obywatelski 2024", facts={"voters": "1500"},
        location={"lon": 23.12, "lat": 53.12}))
    return moderation.submit(edit, actor=member)


@pytest.fixture
def make_image(settings, tmp_path):
    """A tiny real PNG stored as a CaseImage of a submission (MEDIA_ROOT in a temp folder)."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from practices.models import CaseImage

    settings.MEDIA_ROOT = tmp_path

    def make(submission):
        buffer = io.BytesIO()
        Image.new("RGB", (4, 3), "red").save(buffer, "PNG")
        return CaseImage.objects.create(
            submission=submission, image=SimpleUploadedFile("x.png", buffer.getvalue()))

    return make
