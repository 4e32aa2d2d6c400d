"""Atom and RSS feeds of newly published cases: exactly the selection, newest first, each
entry linking to its case page; bad filters are a 400 naming them."""
import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from practices.models import Practice
from tests.practices.api.world import FILTER_CASES, HIDDEN

ATOM = "{http://www.w3.org/2005/Atom}"


def atom(api, params=None):
    response = api.get("/feeds/practices.atom", params or {})
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def entry_slugs(feed):
    return [entry.find(f"{ATOM}link").get("href").rstrip("/").rsplit("/", 1)[1]
            for entry in feed.iter(f"{ATOM}entry")]


@pytest.mark.parametrize(("params", "expected"), FILTER_CASES)
def test_the_atom_feed_holds_exactly_the_selection(api, shared_world, params, expected):
    assert sorted(entry_slugs(atom(api, params))) == sorted(expected)


def test_entries_come_newest_first_by_first_publication(api, world):
    now = timezone.now()
    Practice.objects.update(published_at=now - datetime.timedelta(days=30))
    order = ["referendum-elk-2018", "panel-warszawa-2022", "bo-bialystok-2019"]
    for age, slug in enumerate(order):
        Practice.objects.filter(slug=slug).update(
            published_at=now - datetime.timedelta(days=age)
        )
    assert entry_slugs(atom(api))[:3] == order


def test_an_entry_says_tool_gmina_and_year_and_links_to_the_case(api, world):
    feed = atom(api, {"municipality": "2807011", "tool": "referendum", "lang": "en"})
    [entry] = feed.iter(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Referendum w sprawie odwołania burmistrza Ełku"
    assert entry.find(f"{ATOM}link").get("href") == (
        "http://testserver/en/practices/referendum-elk-2018/"
    )
    assert entry.find(f"{ATOM}summary").text.startswith("Local referendum in Ełk, 2018.")
    assert feed.find(f"{ATOM}title").text == "Participation Map: new cases of Local referendum"


def test_sample_cases_say_so_in_their_title(api, world):
    feed = atom(api, {"municipality": "2807011", "tool": "budzet-obywatelski"})
    assert [e.find(f"{ATOM}title").text for e in feed.iter(f"{ATOM}entry")] == [
        "[Przykład] Budżet obywatelski Ełku 2020"
    ]


def test_the_rss_feed_lists_the_same_cases(api, world):
    response = api.get("/feeds/practices.rss", {"voivodeship": "20"})
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    links = sorted(item.find("link").text for item in channel.iter("item"))
    assert links == sorted(
        f"http://testserver/praktyki/{slug}/" for slug in
        ["bo-bialystok-2019", "bo-bialystok-2020", "fundusz-suprasl-2021",
         "konsultacje-bialystok-2020"]
    )


def test_hidden_cases_never_reach_a_feed(api, world):
    titles = {e.find(f"{ATOM}title").text for e in atom(api).iter(f"{ATOM}entry")}
    assert titles.isdisjoint({world["cases"][slug].title for slug in HIDDEN})


@pytest.mark.parametrize(("params", "name"), [
    ({"tool": "budzet"}, "tool"), ({"year": "٢٠٢٠"}, "year"), ({"limit": "5"}, "limit"),
])
def test_bad_filters_are_a_400_naming_them(api, db, params, name):
    response = api.get("/feeds/practices.atom", params)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [name]


def test_an_unknown_format_is_not_found(api, db):
    assert api.get("/feeds/practices.json").status_code == 404
