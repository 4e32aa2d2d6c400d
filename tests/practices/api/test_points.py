"""/api/points/: the selection as compact points (columns of id steps, place, tool index,
year and sample, with the distinct places), with the case filters, 400 for bad input and
ETag/304; /api/points/{id}/ gives one case's listed properties for a popup."""
import pytest

from tests.practices.api.world import FILTER_CASES, PUBLISHED

TOOLS = [
    "konsultacje", "budzet-obywatelski", "fundusz-solecki", "inicjatywa-uchwalodawcza",
    "referendum", "mlodziezowa-rada", "rada-seniorow", "inicjatywa-lokalna",
    "panel-obywatelski", "inne",
]
# The square gminy's centres (factories: a square of 0.1 degree from the corner).
CENTRES = {"bialystok": (23.15, 53.15), "suprasl": (23.35, 53.25), "elk": (22.35, 53.85),
           "warszawa": (21.05, 52.25)}


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world


def expected_row(world, slug):
    gmina, tool, year, _title, extra = PUBLISHED[slug]
    lon, lat = extra.get("location", CENTRES[gmina])
    return [world["cases"][slug].pk, lon, lat, TOOLS.index(tool), year,
            1 if extra.get("is_sample") else 0]


COLUMNS = ["id", "place", "tool", "year", "sample"]


def rows_of(answer):
    """The [id, lon, lat, tool index, year, sample] of each case of a columnar answer."""
    assert answer["tools"] == TOOLS
    rows, last = [], 0
    for step, place, tool, year, sample in zip(*(answer[name] for name in COLUMNS), strict=True):
        last += step
        rows.append([last, *answer["places"][place], tool, year, sample])
    return rows


def test_the_points_of_a_selection_are_exactly_its_cases_in_compact_form(api, world):
    answer = api.json("/api/points/", {"voivodeship": "20"})
    expected = sorted(expected_row(world, slug) for slug in (
        "bo-bialystok-2019", "bo-bialystok-2020", "konsultacje-bialystok-2020",
        "fundusz-suprasl-2021",
    ))
    ids = [row[0] for row in expected]
    places = sorted({(row[1], row[2]) for row in expected})
    assert answer == {
        "tools": TOOLS,
        # Each distinct position once, by longitude then latitude.
        "places": [list(place) for place in places],
        # Each id less the previous one.
        "id": [ids[0]] + [b - a for a, b in zip(ids, ids[1:], strict=False)],
        "place": [places.index((row[1], row[2])) for row in expected],
        "tool": [row[3] for row in expected],
        "year": [row[4] for row in expected],
        "sample": [row[5] for row in expected],
    }
    assert rows_of(answer) == expected


def test_points_that_include_a_sample_carry_the_note(api, world):
    answer = api.json("/api/points/", {"municipality": "2807011"})
    assert rows_of(answer) == sorted(expected_row(world, slug)
                                     for slug in ("referendum-elk-2018", "bo-elk-2020"))
    assert answer["note"] == (
        "This collection contains sample cases made up for demonstration "
        "(is_sample: true); they are not real records."
    )


@pytest.mark.parametrize("params, expected", FILTER_CASES)
def test_every_filter_selects_the_same_cases_as_the_list(api, world, params, expected):
    rows = rows_of(api.json("/api/points/", params))
    assert rows == sorted(expected_row(world, slug) for slug in expected)


def test_an_empty_selection_has_no_rows(api, world):
    assert api.json("/api/points/", {"year": "1995"}) == {
        "tools": TOOLS, "places": [], "id": [], "place": [], "tool": [], "year": [], "sample": [],
    }


@pytest.mark.parametrize("params, parameter", [
    ({"tool": "budzet"}, "tool"),
    ({"limit": "10"}, "limit"),
    ({"bbox": "NaN,1,2,3"}, "bbox"),
    ({"year": "1e3"}, "year"),
])
def test_bad_input_is_a_400_naming_the_parameter(api, world, params, parameter):
    answer = api.json("/api/points/", params, expect=400)
    assert list(answer["errors"]) == [parameter]


def test_a_current_copy_is_answered_with_304(api, world):
    first = api.get("/api/points/", {"tool": "referendum"})
    assert first["Cache-Control"] == "public, no-cache"
    again = api.get("/api/points/", {"tool": "referendum"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_one_case_has_the_properties_the_list_gives_it(api, world):
    case = world["cases"]["referendum-elk-2018"]
    answer = api.json(f"/api/points/{case.pk}/")
    listed = api.json("/api/practices/", {"municipality": "2807011", "tool": "referendum"})
    assert answer == listed["features"][0]
    assert answer["properties"]["title"] == "Referendum w sprawie odwołania burmistrza Ełku"


def test_a_sample_case_carries_the_note(api, world):
    answer = api.json(f"/api/points/{world['cases']['bo-elk-2020'].pk}/")
    assert answer["properties"]["is_sample"] is True
    assert "not a real record" in answer["note"]


@pytest.mark.parametrize("key, status", [
    ("draft-bialystok", 404), ("archived-suprasl", 404),
])
def test_a_hidden_case_is_not_found(api, world, key, status):
    api.json(f"/api/points/{world['cases'][key].pk}/", expect=status)


@pytest.mark.parametrize("value", ["abc", "99999999999999999999", "-1", "1.5", "²"])
def test_a_malformed_id_is_a_400_naming_it(api, world, value):
    assert list(api.json(f"/api/points/{value}/", expect=400)["errors"]) == ["id"]


def test_an_unknown_id_is_a_404(api, world):
    api.json("/api/points/999999999/", expect=404)


@pytest.mark.django_db
def test_positions_equal_to_five_decimals_are_one_place(api):
    # Positions are rounded to 5 decimals (about 1 m) before they are told apart: two cases
    # 2 mm apart share a place, one 2 m away has its own, and a case without a position of
    # its own sits at its gmina's point.
    from django.contrib.gis.geos import Point

    from tests.factories import make_municipality, make_practice

    gmina = make_municipality("2061011", lon=23.0, lat=53.0)  # its point: 23.05, 53.05
    ids = [make_practice(gmina, location=Point(lon, lat, srid=4326)).pk
           for lon, lat in [(23.123451, 53.1), (23.123449, 53.1), (23.12347, 53.1)]]
    ids.append(make_practice(gmina, location=None).pk)
    answer = api.json("/api/points/", {"municipality": "2061011"})
    assert answer["places"] == [[23.05, 53.05], [23.12345, 53.1], [23.12347, 53.1]]
    assert answer["place"] == [1, 1, 2, 0]
    assert answer["id"] == [ids[0], ids[1] - ids[0], ids[2] - ids[1], ids[3] - ids[2]]
