"""A small hand-made world for the API tests: four square gminy in three voivodeships and
cases whose every filter outcome can be worked out by hand.

    Białystok 2061011 (urban, county 2061, voiv. 20)    square from (23.1, 53.1), size 0.1
    Supraśl   2010073 (urban-rural, county 2010, 20)    square from (23.3, 53.2)
    Ełk       2807011 (urban, county 2807, voiv. 28)    square from (22.3, 53.8)
    Warszawa  1465011 (urban, county 1465, voiv. 14)    square from (21.0, 52.2)

Białystok has its real count of eligible voters (213,477, PKW 2025); the others have none.

Cases sit at their gmina's centre unless a location is given. HIDDEN cases (draft, submitted,
rejected, archived) are made to match as many filters as the published ones, so that a leak
shows up in every test; their titles have Polish letters, which the API writes unescaped.
"""
from django.contrib.gis.geos import Point

from practices.models import Status
from tests.factories import make_municipality, make_practice

GMINY = {
    "bialystok": ("2061011", "Białystok", 23.1, 53.1),
    "suprasl": ("2010073", "Supraśl", 23.3, 53.2),
    "elk": ("2807011", "Ełk", 22.3, 53.8),
    "warszawa": ("1465011", "Warszawa", 21.0, 52.2),
}
VOTERS = {
    "bialystok": {"eligible_voters": 213_477, "eligible_voters_year": 2025,
                  "eligible_voters_source": "PKW"},
}

# slug: (gmina, tool, year, title, extra fields)
PUBLISHED = {
    "bo-bialystok-2019": ("bialystok", "budzet-obywatelski", 2019,
                          "Budżet obywatelski Białegostoku 2019", {}),
    "bo-bialystok-2020": ("bialystok", "budzet-obywatelski", 2020,
                          "Budżet obywatelski Białegostoku 2020", {}),
    "konsultacje-bialystok-2020": ("bialystok", "konsultacje", 2020,
                                   "Konsultacje parku Zwierzynieckiego",
                                   {"location": (23.12, 53.12)}),
    "fundusz-suprasl-2021": ("suprasl", "fundusz-solecki", 2021,
                             "Fundusz sołecki w Supraślu", {}),
    "referendum-elk-2018": ("elk", "referendum", 2018,
                            "Referendum w sprawie odwołania burmistrza Ełku", {}),
    "bo-elk-2020": ("elk", "budzet-obywatelski", 2020, "Budżet obywatelski Ełku 2020",
                    {"is_sample": True}),
    "panel-warszawa-2022": ("warszawa", "panel-obywatelski", 2022,
                            "Panel obywatelski o klimacie", {}),
}
HIDDEN = {
    "draft-bialystok": ("bialystok", "budzet-obywatelski", 2020,
                        "Budżet obywatelski Białegostoku szkic", {"status": Status.DRAFT}),
    "submitted-elk": ("elk", "referendum", 2018, "Referendum w Ełku zgłoszone",
                      {"status": Status.SUBMITTED}),
    "rejected-warszawa": ("warszawa", "panel-obywatelski", 2022,
                          "Panel obywatelski o źródłach ciepła, odrzucony",
                          {"status": Status.REJECTED}),
    "archived-suprasl": ("suprasl", "fundusz-solecki", 2021, "Fundusz sołecki archiwalny",
                         {"status": Status.ARCHIVED}),
}
ALL_PUBLISHED = sorted(PUBLISHED)

# Query parameters and the published slugs they select, worked out from the table above.
FILTER_CASES = [
    ({}, ALL_PUBLISHED),
    ({"tool": "budzet-obywatelski"}, ["bo-bialystok-2019", "bo-bialystok-2020", "bo-elk-2020"]),
    ({"tool": "budzet-obywatelski,referendum"},
     ["bo-bialystok-2019", "bo-bialystok-2020", "bo-elk-2020", "referendum-elk-2018"]),
    ({"tool": ["referendum", "panel-obywatelski"]},
     ["panel-warszawa-2022", "referendum-elk-2018"]),
    ({"year": "2020"}, ["bo-bialystok-2020", "bo-elk-2020", "konsultacje-bialystok-2020"]),
    ({"year_from": "2020"}, ["bo-bialystok-2020", "bo-elk-2020", "fundusz-suprasl-2021",
                             "konsultacje-bialystok-2020", "panel-warszawa-2022"]),
    ({"year_to": "2019"}, ["bo-bialystok-2019", "referendum-elk-2018"]),
    ({"year_from": "2019", "year_to": "2020"},
     ["bo-bialystok-2019", "bo-bialystok-2020", "bo-elk-2020", "konsultacje-bialystok-2020"]),
    ({"year_from": "2021", "year_to": "2021"}, ["fundusz-suprasl-2021"]),
    ({"municipality": "2061011"},
     ["bo-bialystok-2019", "bo-bialystok-2020", "konsultacje-bialystok-2020"]),
    ({"municipality": "2061011,2807011"},
     ["bo-bialystok-2019", "bo-bialystok-2020", "bo-elk-2020", "konsultacje-bialystok-2020",
      "referendum-elk-2018"]),
    ({"county": "2010"}, ["fundusz-suprasl-2021"]),
    ({"county": "2010,1465"}, ["fundusz-suprasl-2021", "panel-warszawa-2022"]),
    ({"voivodeship": "20"}, ["bo-bialystok-2019", "bo-bialystok-2020",
                             "fundusz-suprasl-2021", "konsultacje-bialystok-2020"]),
    ({"voivodeship": "20,28"}, ["bo-bialystok-2019", "bo-bialystok-2020", "bo-elk-2020",
                                "fundusz-suprasl-2021", "konsultacje-bialystok-2020",
                                "referendum-elk-2018"]),
    ({"bbox": "23.0,53.0,23.2,53.2"},
     ["bo-bialystok-2019", "bo-bialystok-2020", "konsultacje-bialystok-2020"]),
    ({"bbox": "23.11,53.11,23.13,53.13"}, ["konsultacje-bialystok-2020"]),
    # Points on the edge of the box count as inside.
    ({"bbox": "23.15,53.15,23.3,53.3"}, ["bo-bialystok-2019", "bo-bialystok-2020"]),
    ({"bbox": "14,49,24.2,55"}, ALL_PUBLISHED),
    ({"tool": "budzet-obywatelski", "voivodeship": "28"}, ["bo-elk-2020"]),
    ({"tool": "budzet-obywatelski", "year": "2020", "voivodeship": "20"}, ["bo-bialystok-2020"]),
    ({"year": "2020", "bbox": "23.0,53.0,23.2,53.2"},
     ["bo-bialystok-2020", "konsultacje-bialystok-2020"]),
    ({"tool": "konsultacje,budzet-obywatelski", "year_to": "2019", "county": "2061"},
     ["bo-bialystok-2019"]),
    ({"municipality": "1465011", "voivodeship": "20"}, []),
    ({"year": "1995"}, []),
    ({"q": "budzet"}, ["bo-bialystok-2019", "bo-bialystok-2020", "bo-elk-2020"]),
    ({"q": "budżet", "year": "2020"}, ["bo-bialystok-2020", "bo-elk-2020"]),
    ({"q": "klimacie", "voivodeship": "14"}, ["panel-warszawa-2022"]),
    ({"tool": "", "year": ""}, ALL_PUBLISHED),  # empty values are not given
]


def build():
    """Create the world; returns {"gminy": {key: Municipality}, "cases": {slug: Practice}}."""
    gminy = {
        key: make_municipality(code, name, lon, lat, **VOTERS.get(key, {}))
        for key, (code, name, lon, lat) in GMINY.items()
    }
    cases = {}
    for slug, (gmina, tool, year, title, extra) in {**PUBLISHED, **HIDDEN}.items():
        extra = dict(extra)
        if "location" in extra:
            extra["location"] = Point(*extra["location"], srid=4326)
        cases[slug] = make_practice(gminy[gmina], tool, year, title=title, slug=slug, **extra)
    return {"gminy": gminy, "cases": cases}
