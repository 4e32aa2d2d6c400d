"""Bad input never gives a 500: it gets a 400 JSON body naming the parameter and saying what
is allowed, {"errors": {parameter: [messages]}}."""
import pytest

TOO_LONG = "x" * 201

CASES = [
    # (url, params, parameter, part of the message)
    ("/api/practices/", {"tool": "budzet"}, "tool", "Unknown tool 'budzet'. Allowed: konsultacje"),
    ("/api/practices/", {"tool": "referendum,nope"}, "tool", "Unknown tool 'nope'"),
    ("/api/practices/", {"year": "1989"}, "year", "from 1990 to 2100"),
    ("/api/practices/", {"year": "2101"}, "year", "from 1990 to 2100"),
    ("/api/practices/", {"year": "2020.0"}, "year", "is not a year"),
    ("/api/practices/", {"year": "twenty"}, "year", "is not a year"),
    ("/api/practices/", {"year": ["2020", "2021"]}, "year", "only once"),
    ("/api/practices/", {"year_from": "1900"}, "year_from", "from 1990 to 2100"),
    ("/api/practices/", {"year_to": "3000"}, "year_to", "from 1990 to 2100"),
    ("/api/practices/", {"year_from": "2021", "year_to": "2020"}, "year_from", "after year_to"),
    ("/api/practices/", {"bbox": "NaN,NaN,NaN,NaN"}, "bbox", "four numbers"),
    ("/api/practices/", {"bbox": "inf,0,1,1"}, "bbox", "four numbers"),
    ("/api/practices/", {"bbox": "1e308,1e308,-1e308,-1e308"}, "bbox", "between -180 and 180"),
    ("/api/practices/", {"bbox": "0,0,1e308,1"}, "bbox", "between -180 and 180"),
    ("/api/practices/", {"bbox": "1e400,0,1,1"}, "bbox", "not finite"),
    ("/api/practices/", {"bbox": "23.5,53,22.5,54"}, "bbox", "inverted"),
    ("/api/practices/", {"bbox": "22.5,54,23.5,53"}, "bbox", "inverted"),
    ("/api/practices/", {"bbox": "0,-91,1,1"}, "bbox", "between -90 and 90"),
    ("/api/practices/", {"bbox": "1,2,3"}, "bbox", "four numbers"),
    ("/api/practices/", {"bbox": "a,b,c,d"}, "bbox", "four numbers"),
    ("/api/practices/", {"bbox": "1_0,2,3,4"}, "bbox", "four numbers"),
    ("/api/practices/", {"municipality": "206101"}, "municipality", "7 digits"),
    ("/api/practices/", {"municipality": "2061019"}, "municipality", "delegation"),
    ("/api/practices/", {"municipality": "2061011,20610x1"}, "municipality", "7 digits"),
    ("/api/practices/", {"county": "20"}, "county", "4 digits"),
    ("/api/practices/", {"county": "2000"}, "county", "county 00"),
    ("/api/practices/", {"voivodeship": "21"}, "voivodeship", "even number"),
    ("/api/practices/", {"voivodeship": "20,2"}, "voivodeship", "2 digits"),
    ("/api/practices/", {"q": TOO_LONG}, "q", "at most 200 characters"),
    ("/api/practices/", {"limit": "1001"}, "limit", "from 1 to 1000"),
    ("/api/practices/", {"limit": "0"}, "limit", "from 1 to 1000"),
    ("/api/practices/", {"limit": "-5"}, "limit", "from 1 to 1000"),
    ("/api/practices/", {"offset": "-1"}, "offset", "at least 0"),
    ("/api/practices/", {"offset": "ten"}, "offset", "at least 0"),
    ("/api/practices/", {"tool": "referendum", "toool": "x"}, "toool",
     "Unknown parameter 'toool'. Allowed: tool, year"),
    ("/api/practices/", {"in_bbox": "1,2,3,4"}, "in_bbox", "Unknown parameter"),
    ("/api/practices/", {"format": "json"}, "format", "Unknown parameter"),
    ("/api/practices/konsultacje-bialystok-2020/", {"fields": "title"}, "fields",
     "Allowed: none"),
    ("/api/municipalities/", {"tool": "x"}, "tool", "Unknown tool"),
    ("/api/municipalities/", {"limit": "10"}, "limit", "Unknown parameter"),
    ("/api/municipalities/206101/", {}, "teryt", "7 digits"),
    ("/api/municipalities/2061011/", {"voivodeship": "20"}, "voivodeship", "Unknown parameter"),
    ("/api/tools/", {"year": "1"}, "year", "is not a year"),
    ("/api/tools/", {"offset": "1"}, "offset", "Unknown parameter"),
    ("/api/stats/", {"by": "gmina"}, "by", "tool, year, voivodeship"),
    ("/api/stats/", {"by": "tool,tool"}, "by", "each once"),
    ("/api/stats/", {"bbox": "1,2"}, "bbox", "four numbers"),
]


@pytest.mark.parametrize(("url", "params", "parameter", "message"), CASES,
                         ids=[f"{url}{params}" for url, params, *_ in CASES])
def test_it_names_the_parameter_and_what_is_allowed(api, db, url, params, parameter, message):
    response = api.get(url, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    errors = api.json(url, params, expect=400)["errors"]
    assert parameter in errors
    assert any(message in text for text in errors[parameter]), errors


def test_it_reports_every_bad_parameter_at_once(api, db):
    errors = api.json("/api/practices/", {"tool": "x", "year": "1", "bbox": "nan",
                                          "limit": "5000", "foo": "1"}, expect=400)["errors"]
    assert sorted(errors) == ["bbox", "foo", "limit", "tool", "year"]


def test_an_unknown_parameter_alone_is_refused_too(api, db):
    assert api.get("/api/practices/", {"foo": "1"}).status_code == 400


@pytest.mark.parametrize("value", ["", " ", ",", ",,,"])
def test_empty_values_mean_the_parameter_was_not_given(api, world, value):
    assert len(api.json("/api/practices/", {"tool": value, "bbox": value.strip(",")})[
        "features"]) == 7
