"""A step saved (autosave or the form's POST) while an upload lists its image keeps the
image: the step's fields go into the data as stored at the moment of saving, not into the
copy read when the request began."""
import pytest
from django.http import QueryDict

from practices.media.views import list_in_data
from practices.members.steps import BY_SLUG, save_step
from practices.models import Submission

pytestmark = pytest.mark.django_db


def test_an_image_listed_during_a_save_stays_listed(draft):
    draft.data.update(images=[3])
    draft.save()
    read_at_start = Submission.objects.get(pk=draft.pk)  # the request's copy
    # Meanwhile an upload finishes and lists image 4 (on its own copy of the row).
    list_in_data(Submission.objects.get(pk=draft.pk), "images", add=4)

    save_step(read_at_start, BY_SLUG["basics"], QueryDict("title=Nowy+tytu%C5%82&year=2024"))

    draft.refresh_from_db()
    assert draft.data["images"] == [3, 4]
    assert draft.data["title"] == "Nowy tytuł" and draft.data["year"] == "2024"
    assert read_at_start.data == draft.data and draft.step == "basics"
