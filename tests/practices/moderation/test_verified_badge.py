"""Verifying a case from the queue: the source is required; the public case page then shows
the badge with the source."""
import pytest
from django.test import Client


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_a_verified_case_shows_the_badge_with_its_source(moderator_client, published):
    assert "Zweryfikowano" not in Client().get(published.get_absolute_url()).content.decode()

    response = moderator_client.post(f"/moderacja/praktyki/{published.pk}/weryfikacja/",
                                     {"source": "https://bip.example.org/uchwala-12"})

    assert response.status_code == 302
    page = Client().get(published.get_absolute_url()).content.decode()
    assert "Zweryfikowano ze źródłem urzędowym" in page
    assert '<a href="https://bip.example.org/uchwala-12" rel="nofollow noopener">' in page


def test_a_source_that_is_not_a_link_is_shown_as_text(moderator_client, published):
    moderator_client.post(f"/moderacja/praktyki/{published.pk}/weryfikacja/",
                          {"source": "<script>alert(1)</script> Protokół nr 5"})

    page = Client().get(published.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Protokół nr 5" in page


def test_verifying_without_a_source_is_refused(moderator_client, published):
    response = moderator_client.post(f"/moderacja/praktyki/{published.pk}/weryfikacja/",
                                     {"source": ""})

    assert response.status_code == 400
    published.refresh_from_db()
    assert published.verified_source == ""


def test_removing_the_verification_removes_the_badge(moderator_client, published, moderator):
    from practices import moderation

    moderation.verify(published, actor=moderator, source="Protokół nr 5")
    moderator_client.post(f"/moderacja/praktyki/{published.pk}/weryfikacja/", {"unverify": "1"})

    assert "Zweryfikowano" not in Client().get(published.get_absolute_url()).content.decode()
