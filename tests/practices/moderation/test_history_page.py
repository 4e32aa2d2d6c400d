"""A case's history in the queue: versions with who, when, why and per-field changes, and
"restore this version"."""
import pytest

from practices import moderation
from practices.models import Practice


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_the_history_lists_versions_with_who_why_and_changes(moderator_client, published,
                                                             held_edit, moderator):
    moderation.publish(held_edit, actor=moderator, reason="Zgodne z BIP.")

    response = moderator_client.get(f"/moderacja/praktyki/{published.pk}/historia/")

    versions = response.context["versions"]
    newest = versions[0]
    assert newest["version"].history_user == moderator
    assert newest["reason"] == "Zgodne z BIP."
    assert ("title", "Budżet obywatelski 2024", "Poprawiony budżet obywatelski 2024") in [
        (c.key, c.old, c.new) for c in newest["changes"]]
    assert versions[-1]["is_first"]
    page = response.content.decode()
    assert "Historia zmian" in page and "Przywróć tę wersję" in page
    assert "charlie" in page and "alice" in page


def test_restoring_a_version_from_the_page(moderator_client, published, held_edit, moderator):
    moderation.publish(held_edit, actor=moderator)
    first = published.history.earliest()

    response = moderator_client.post(
        f"/moderacja/praktyki/{published.pk}/historia/{first.history_id}/przywroc/")

    assert response.status_code == 302
    assert Practice.objects.get().title == "Budżet obywatelski 2024"


def test_restoring_an_unknown_version_is_a_400_with_a_message(moderator_client, published):
    response = moderator_client.post(
        f"/moderacja/praktyki/{published.pk}/historia/999999/przywroc/")

    assert response.status_code == 400
    assert "Ta praktyka nie ma takiej wersji." in response.content.decode()
