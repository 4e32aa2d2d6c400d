"""Behind a TLS proxy (MAPA_SITE_URL https, the proxy sets X-Forwarded-Proto), every absolute
URL the site writes is https: the oEmbed iframe's src, the API's paging links, the oEmbed
discovery link and the canonical link; plain http is redirected, except /healthz."""
import json
import re

import pytest

from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db

HTTPS = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "mapa.example.pl"}


@pytest.fixture(autouse=True)
def behind_a_tls_proxy(settings):
    # What settings.py sets for an https MAPA_SITE_URL, with the URL left empty so that the
    # addresses come from the request as the proxy forwards it.
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    settings.ALLOWED_HOSTS = ["mapa.example.pl"]
    settings.MAPA_SITE_URL = ""
    gmina = make_municipality("2061011", "Białystok")
    for year in (2020, 2021):
        make_practice(gmina, year=year, slug=f"bo-{year}")


def test_the_api_paging_links_are_https(client):
    page = json.loads(client.get("/api/practices/", {"limit": 1}, **HTTPS).content)
    assert page["next"] == "https://mapa.example.pl/api/practices/?limit=1&offset=1"


def test_the_oembed_iframe_is_https(client):
    answer = client.get(
        "/oembed/", {"url": "https://mapa.example.pl/", "format": "json"}, **HTTPS
    ).json()
    assert re.search(r'<iframe src="https://mapa\.example\.pl/embed/', answer["html"])


def test_the_discovery_and_canonical_links_are_https(client):
    html = client.get("/praktyki/bo-2020/", **HTTPS).content.decode()
    discovery = re.search(r'type="application/json\+oembed" href="([^"]+)"', html).group(1)
    assert discovery.startswith("https://mapa.example.pl/oembed/?url=https%3A%2F%2F")
    assert '<link rel="canonical" href="https://mapa.example.pl/praktyki/bo-2020/">' in html


def test_plain_http_is_redirected_to_https_but_health_checks_are_not(client):
    plain = {"HTTP_HOST": "mapa.example.pl"}
    response = client.get("/praktyki/bo-2020/", **plain)
    assert (response.status_code, response["Location"]) == (
        301, "https://mapa.example.pl/praktyki/bo-2020/"
    )
    assert client.get("/healthz", **plain).status_code == 200
