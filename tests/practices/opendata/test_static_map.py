"""The downloadable map: every case of the selection, nothing loaded from elsewhere, values
escaped, bad filters refused (the command and /export/map.html)."""
import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.practices.api.world import FILTER_CASES

ASSET = re.compile(r"<(script|link)\b[^>]*>", re.IGNORECASE)
PAYLOAD = '<img src=x onerror="alert(1)">'


def slugs_in(html):
    """The case slugs in the map's GeoJSON layer (the `url` of each case)."""
    return sorted(set(re.findall(r'"url": "/praktyki/([^"/]+)/"', html)))


def download(api, params):
    response = api.get("/export/map.html", params)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Disposition"] == 'attachment; filename="mapa-partycypacji.html"'
    return response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"), [case for case in FILTER_CASES if case[1]][:12]
)
def test_the_map_holds_every_case_of_the_selection(api, shared_world, params, expected):
    assert slugs_in(download(api, params)) == sorted(expected)


def test_the_file_loads_no_script_or_stylesheet_from_elsewhere(api, world):
    html = download(api, {})
    assets = ASSET.findall(html)
    assert assets
    for tag in ASSET.finditer(html):
        assert "http" not in tag.group(0), tag.group(0)[:120]
    assert "cdn" not in html.lower()


def test_values_are_escaped_before_they_reach_a_popup(api, world):
    case = world["cases"]["bo-bialystok-2019"]
    case.title = PAYLOAD
    case.save()
    html = download(api, {"municipality": "2061011"})
    assert PAYLOAD not in html
    assert json.dumps(PAYLOAD)[1:-1] not in html
    # HTML-escaped for the popup, then JSON-escaped by folium.
    assert r"\u0026lt;img src=x onerror=\u0026quot;alert(1)\u0026quot;\u0026gt;" in html


def test_the_choropleth_has_a_legend_with_the_classes(api, world):
    html = download(api, {"view": "choropleth", "lang": "en"})
    assert "Matching cases per gmina" in html
    assert "No matching cases" in html
    assert "The counts include sample records, not real cases." in html


def test_a_title_is_shown_escaped(api, world):
    html = download(api, {"title": "Budżety <b>2020</b>", "lang": "en"})
    assert '<h1 class="mapa-title">Budżety &lt;b&gt;2020&lt;/b&gt;</h1>' in html


@pytest.mark.parametrize(("params", "errors"), [
    ({"tool": "budzet"}, ["tool"]),
    ({"year": "²⁰²⁰"}, ["year"]),
    ({"view": "heat"}, ["view"]),
    ({"title": "x" * 201}, ["title"]),
    ({"colour": "red"}, ["colour"]),
])
def test_bad_parameters_are_a_400_naming_them(api, db, params, errors):
    response = api.get("/export/map.html", params)
    assert response.status_code == 400
    assert sorted(response.json()["errors"]) == errors


def test_the_command_writes_the_map_of_the_selection(world, tmp_path):
    output = tmp_path / "map.html"
    call_command("export_map", str(output), "--tool", "budzet-obywatelski", "--year", "2020",
                 "--title", "BO 2020")
    assert slugs_in(output.read_text()) == ["bo-bialystok-2020", "bo-elk-2020"]


def test_the_command_refuses_bad_filters_naming_the_option(db, tmp_path):
    with pytest.raises(CommandError) as refused:
        call_command("export_map", str(tmp_path / "map.html"), "--year-from", "1800",
                     "--lang", "en")
    assert str(refused.value).startswith("--year-from: '1800' is not a year")
    assert not (tmp_path / "map.html").exists()
