"""Polish at /, English under /en/: translated paths, a language switcher that keeps the page
and its query string, hreflang alternates, tool names and dates in the page's language."""
import datetime
import html as html_lib
import re

import pytest

from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    gmina = make_municipality("2061011", "Białystok")
    make_practice(gmina, "budzet-obywatelski", 2024, slug="bo-2024",
                  start_date=datetime.date(2024, 3, 1))


PAIRS = [
    ("/praktyki/bo-2024/", "/en/practices/bo-2024/"),
    ("/gminy/2061011/", "/en/municipalities/2061011/"),
    ("/narzedzia/", "/en/tools/"),
    ("/narzedzia/referendum/", "/en/tools/referendum/"),
    ("/statystyki/", "/en/statistics/"),
]


def switcher(html):
    """{language code: href} of the language switcher's links."""
    nav = html[html.index('class="lang-switch"'):]
    nav = nav[:nav.index("</nav>")]
    return {
        code: html_lib.unescape(href)
        for href, code in re.findall(r'<a href="([^"]*)" hreflang="(\w+)"[^>]*data-keep-query', nav)
    }


@pytest.mark.parametrize("polish, english", PAIRS)
def test_each_page_exists_in_both_languages(client, pages, polish, english):
    for path, language in ((polish, "pl"), (english, "en")):
        response = client.get(path)
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.parametrize("polish, english", PAIRS)
def test_the_switcher_links_the_same_page_in_the_other_language(client, pages, polish, english):
    assert switcher(client.get(polish).content.decode()) == {"pl": polish, "en": english}
    assert switcher(client.get(english).content.decode()) == {"pl": polish, "en": english}


def test_the_switcher_keeps_the_query_string(client, pages):
    html = client.get("/statystyki/?voivodeship=20&type=2").content.decode()
    assert switcher(html)["en"] == "/en/statistics/?voivodeship=20&type=2"
    html = client.get("/en/?tool=referendum&year_from=2020").content.decode()
    assert switcher(html)["pl"] == "/?tool=referendum&year_from=2020"


def test_the_current_language_is_marked(client, pages):
    html = client.get("/en/statistics/").content.decode()
    assert re.search(r'hreflang="en" lang="en" data-keep-query aria-current="true">English<', html)


def test_alternates_name_both_languages_and_polish_as_default(client, pages):
    html = client.get("/en/practices/bo-2024/?x=1").content.decode()
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)
    )
    assert alternates == {
        "pl": "http://testserver/praktyki/bo-2024/",
        "en": "http://testserver/en/practices/bo-2024/",
        "x-default": "http://testserver/praktyki/bo-2024/",
    }


def test_a_missing_page_offers_the_home_page_of_each_language(client):
    html = client.get("/en/no-such-page/").content.decode()
    assert switcher(html) == {"pl": "/", "en": "/en/"}


@pytest.mark.parametrize("path, name, date", [
    ("/praktyki/bo-2024/", "Budżet obywatelski", "1 marca 2024"),
    ("/en/practices/bo-2024/", "Participatory budget", "March 1, 2024"),
])
def test_tool_names_and_dates_follow_the_language(client, pages, path, name, date):
    html = client.get(path).content.decode()
    assert f">{name}</a>" in html
    assert f">{date}</time>" in html
