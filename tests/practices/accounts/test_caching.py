"""Anonymous visitors get the map, the embed and the API cookie-free and without `Vary: Cookie`
(shared caches may keep them); anything answered to a signed-in member is `private`."""
import pytest
from django.utils import timezone

from practices.models import Profile
from tests.factories import make_practice

PUBLIC_URLS = ["/", "/en/", "/embed/", "/api/practices/", "/narzedzia/"]


@pytest.fixture
def catalogue(bialystok):
    return make_practice(bialystok, title="Budżet obywatelski Białegostoku")


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize("url", PUBLIC_URLS + ["/api/points/"])
def test_anonymous_answers_set_no_cookie_and_do_not_vary_by_cookie(client, catalogue, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.cookies == {}
    assert "Set-Cookie" not in response
    assert "cookie" not in response.get("Vary", "").lower()
    assert "private" not in cache_control(response)


def test_the_api_stays_publicly_cacheable_for_anonymous_visitors(client, catalogue):
    assert cache_control(client.get("/api/practices/")) == {"public", "no-cache"}


@pytest.mark.parametrize("url", PUBLIC_URLS + ["/konto/ustawienia/", "/czlonkowie/1/"])
def test_answers_to_a_signed_in_member_are_private(client, member, catalogue, url):
    Profile.objects.create(user=member, display_name="Alicja", approved_at=timezone.now())
    client.force_login(member)
    response = client.get(url.replace("/czlonkowie/1/", f"/czlonkowie/{member.pk}/"))
    assert response.status_code == 200, url
    controls = cache_control(response)
    assert "private" in controls
    assert "public" not in controls


def test_a_signed_in_page_varies_by_cookie(client, member, catalogue):
    client.force_login(member)
    assert "Cookie" in client.get("/").get("Vary", "")


def test_the_map_page_carries_no_csrf_token_for_anonymous_visitors(client, catalogue):
    page = client.get("/").content.decode()
    assert "csrfmiddlewaretoken" not in page
