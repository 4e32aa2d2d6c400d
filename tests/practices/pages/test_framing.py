"""Framing policy: only /embed/ may be shown inside other sites' iframes; every other page
refuses with X-Frame-Options: DENY and CSP frame-ancestors 'none'."""
import pytest

from practices.pages.framing import directives
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


def frame_ancestors(response):
    return directives(response["Content-Security-Policy"])["frame-ancestors"]


@pytest.fixture(autouse=True)
def world():
    gmina = make_municipality("2061011", "Białystok")
    make_practice(gmina, "budzet-obywatelski", 2020, slug="bo-2020")


REFUSING = [
    "/", "/en/?tool=referendum", "/praktyki/bo-2020/", "/en/practices/bo-2020/",
    "/gminy/2061011/", "/statystyki/", "/narzedzia/", "/api/tools/",
    "/oembed/?url=http://testserver/&format=json", "/admin/login/", "/no-such-page/",
]


@pytest.mark.parametrize("path", REFUSING)
def test_every_other_page_refuses_framing(client, path):
    response = client.get(path)
    assert response["X-Frame-Options"] == "DENY"
    assert frame_ancestors(response) == ["'none'"]


@pytest.mark.parametrize("query", ["", "?lang=en&tool=referendum&list=1"])
def test_the_embed_may_be_framed_by_any_site(client, query):
    response = client.get(f"/embed/{query}")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert frame_ancestors(response) == ["*"]


def test_an_allow_list_limits_the_embed_to_those_sites_and_our_own(client, settings):
    settings.MAPA_EMBED_ALLOWED_ORIGINS = ["https://gmina.example.pl", "https://*.example.org"]
    response = client.get("/embed/")
    assert "X-Frame-Options" not in response
    assert frame_ancestors(response) == [
        "'self'", "https://gmina.example.pl", "https://*.example.org",
    ]
    assert frame_ancestors(client.get("/")) == ["'none'"]


@pytest.mark.parametrize("origin", ["https://gmina.pl; script-src *", "'unsafe-inline'",
                                    "gmina.pl", "https://gmina.pl/path"])
def test_a_malformed_allowed_origin_stops_start_up_with_a_message(settings, origin):
    from django.core.exceptions import ImproperlyConfigured

    from practices.pages.framing import ContentSecurityPolicyMiddleware

    settings.MAPA_EMBED_ALLOWED_ORIGINS = ["https://ok.example.pl", origin]
    with pytest.raises(ImproperlyConfigured, match="MAPA_EMBED_ALLOWED_ORIGINS contains"):
        ContentSecurityPolicyMiddleware(lambda request: None)
