"""Every page has a title, a meta description, a canonical URL and Open Graph tags with
absolute URLs, so that a shared link shows a proper preview."""
import html as html_lib
import re

import pytest

from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    gmina = make_municipality("2061011", "Białystok")
    make_practice(gmina, "budzet-obywatelski", 2024, slug="bo-2024", title="BO Białystok 2024",
                  summary="Residents chose 31 projects.")


def meta(html):
    tags = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html))
    tags["title"] = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    tags["canonical"] = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    return {key: html_lib.unescape(value) for key, value in tags.items()}


@pytest.mark.parametrize("path, title, description, og_type, locale", [
    ("/praktyki/bo-2024/", "BO Białystok 2024", "Residents chose 31 projects.", "article",
     "pl_PL"),
    ("/en/practices/bo-2024/", "BO Białystok 2024", "Residents chose 31 projects.", "article",
     "en_GB"),
    ("/en/municipalities/2061011/", "Gmina Białystok",
     "Białystok (urban gmina, county powiat 2061, podlaskie voivodeship): 1 published case "
     "of local participation.", "website", "en_GB"),
    ("/en/tools/referendum/", "Local referendum", None, "website", "en_GB"),
    ("/en/tools/", "Participation tools", None, "website", "en_GB"),
    ("/en/statistics/", "Statistics", None, "website", "en_GB"),
])
def test_pages_carry_open_graph_tags_with_absolute_urls(
    client, pages, path, title, description, og_type, locale
):
    tags = meta(client.get(path + "?utm=1").content.decode())
    url = "http://testserver" + path
    assert tags["title"].startswith(f"{title} · ")
    assert tags["og:title"] == title
    assert tags["description"] == tags["og:description"] != ""
    if description:
        assert tags["og:description"] == description
    assert tags["og:url"] == tags["canonical"] == url
    assert tags["og:type"] == og_type
    assert tags["og:locale"] == locale
    assert tags["og:locale:alternate"] == {"pl_PL": "en_GB", "en_GB": "pl_PL"}[locale]


def test_the_public_site_address_wins_over_the_request_host(client, pages, settings):
    settings.MAPA_SITE_URL = "https://mapa.example.org"
    tags = meta(client.get("/en/practices/bo-2024/").content.decode())
    assert tags["og:url"] == "https://mapa.example.org/en/practices/bo-2024/"


@pytest.mark.parametrize("path", ["/praktyki/bo-2024/", "/en/municipalities/2061011/"])
def test_embeddable_pages_announce_their_oembed_endpoint(client, pages, path):
    html = client.get(path).content.decode()
    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html)
    assert link and "/oembed/?url=http%3A%2F%2Ftestserver" in link.group(1)
