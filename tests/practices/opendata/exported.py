"""Reading the exports back as a user's tools would (csv, openpyxl, json, GDAL's ogr2ogr),
and what the API says the same selection is, for the export tests."""
import csv
import io
import json
import subprocess
from urllib.parse import urlencode

import openpyxl

from practices.models import Practice, PracticeLink

# Three different selections, each with facts, links and Polish letters among its cases.
FILTER_SETS = [
    {"tool": "budzet-obywatelski,referendum,konsultacje"},
    {"voivodeship": "20", "year_from": "2019", "year_to": "2020"},
    {"bbox": "22.0,53.0,23.5,54.0", "q": "budżet"},
]


def decorate(cases):
    """Give the world's cases facts (stored, computed, lists, choices) and links."""
    facts = {
        "bo-bialystok-2019": {"amount_pln": 25000000, "voters": 31250,
                              "projects_submitted": 180, "projects_voted": 60,
                              "projects_selected": 42},
        "konsultacje-bialystok-2020": {"subject": "Park „Zwierzyniec”",
                                       "methods": ["survey", "walk"],
                                       "period_start": "2020-03-01"},
        "referendum-elk-2018": {"type": "recall_mayor", "eligible_voters": 47000,
                                "votes_cast": 12000, "election_votes": 20000},
    }
    for slug, values in facts.items():
        Practice.objects.filter(slug=slug).update(facts=values)
    practice = cases["bo-bialystok-2019"]
    PracticeLink.objects.create(practice=practice, url="https://bip.example.org/uchwala",
                                label="Uchwała nr 1", kind=PracticeLink.Kind.SOURCE)
    PracticeLink.objects.create(practice=practice, url="https://example.org/wyniki",
                                label="Wyniki", kind=PracticeLink.Kind.LINK)
    Practice.objects.filter(slug="bo-bialystok-2020").update(
        summary='Głosowanie; „cudzysłów”, przecinek, "quote"\nnowa linia',
        participants=1234, organiser_type="urzad")


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def get(client, path, params=None):
    response = client.get(path, params or {})
    assert response.status_code == 200, (path, params, body(response)[:400])
    return response, body(response)


def csv_rows(data, delimiter=","):
    """(header, rows as dicts of text) of a CSV export, which must start with a BOM."""
    assert data.startswith(b"\xef\xbb\xbf")
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter)
    header, *rows = list(reader)
    return header, [dict(zip(header, row, strict=True)) for row in rows]


def xlsx_rows(data):
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    header, *rows = [list(row) for row in book["dane"].iter_rows(values_only=True)]
    return header, [dict(zip(header, row, strict=True)) for row in rows], book


def ogr(path, *arguments):
    return subprocess.run(["ogrinfo", "-ro", *arguments, str(path)], capture_output=True,
                          text=True, check=True, timeout=120).stdout


def gpkg_features(path):
    """The GeoPackage's only layer as GeoJSON, through GDAL."""
    output = subprocess.run(
        ["ogr2ogr", "-f", "GeoJSON", "-preserve_fid", "/vsistdout/", str(path)],
        capture_output=True, check=True, timeout=120,
    ).stdout
    return json.loads(output)


def api_cases(client, params):
    """The API's view of a selection: (list features in order, {slug: detail feature})."""
    query = "?" + urlencode(params) if params else ""
    listed = client.json("/api/practices/" + query)["features"]
    details = {feature["properties"]["slug"]: client.json(
        f"/api/practices/{feature['properties']['slug']}/") for feature in listed}
    return listed, details


def expected_values(listed, details, header):
    """What each export row must hold, from the API alone: the detail's values (a nested
    object by its key), the list's municipality_name, facts as fact_<key>, empty otherwise."""
    rows = []
    for feature in listed:
        detail = details[feature["properties"]["slug"]]
        values = {"id": detail["id"], "longitude": detail["geometry"]["coordinates"][0],
                  "latitude": detail["geometry"]["coordinates"][1],
                  "municipality_name": feature["properties"]["municipality_name"]}
        for key, value in detail["properties"].items():
            if key == "facts":
                values.update({f"fact_{name}": fact for name, fact in value.items()})
            elif key == "tool":
                values[key] = value["slug"]
            elif key == "municipality":
                values[key] = value["teryt"]
            else:
                values[key] = value
        assert set(values) <= set(header), set(values) - set(header)
        rows.append({name: values.get(name) for name in header})
    return rows


def as_text(value):
    """How a CSV cell writes a JSON value (the data page's rule)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
