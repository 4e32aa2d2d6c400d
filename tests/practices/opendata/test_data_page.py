"""The data page (/dane/, /en/data/) documents every column of every export in Polish and
English, from the same lists the exports are written from, links every export with the
filters it was opened with, and publishes DCAT-AP metadata that parses as RDF."""
import json
import re

import pytest
from rdflib import RDF, Graph, Namespace, URIRef

from practices.domain.fact_schemas import SCHEMAS
from practices.opendata.columns import header
from practices.opendata.gmina_rows import gmina_columns

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")


@pytest.fixture
def client(api, shared_world, db):
    return api


def page(client, path, params=None):
    response = client.get(path, params or {})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(("path", "title", "meaning"), [
    ("/dane/", "<h1>Otwarte dane</h1>", "Tytuł praktyki."),
    ("/en/data/", "<h1>Open data</h1>", "Title of the case."),
])
def test_the_page_documents_every_column_in_its_language(client, path, title, meaning):
    html = page(client, path)
    assert title in html and meaning in html
    for name in [*header(), *(column.name for column in gmina_columns())]:
        assert f"<code>{name}</code>" in html, name


def test_fact_columns_show_their_labels_units_and_allowed_values(client):
    html = page(client, "/en/data/")
    referendum = {fact.key: fact for fact in SCHEMAS["referendum"].fields}
    assert "<code>recall_mayor</code>: recall of the mayor (wójt, burmistrz, prezydent)" in html
    assert str(referendum["eligible_voters"].label) in html
    assert "Local referendum" in html  # the tools having a fact


def test_every_export_link_carries_the_filters_the_page_was_opened_with(client):
    html = page(client, "/dane/", {"tool": "referendum", "year": "2018", "bogus": "x"})
    for path in ["/export/practices.csv", "/export/practices.xlsx", "/export/practices.geojson",
                 "/export/practices.gpkg", "/export/municipalities.csv",
                 "/export/municipalities.geojson", "/export/municipalities.gpkg",
                 "/feeds/practices.atom", "/api/practices/"]:
        assert f'href="{path}?tool=referendum&amp;year=2018"' in html, path
    assert 'href="/export/practices.csv?tool=referendum&amp;year=2018&amp;sep=semicolon"' in html
    assert 'href="/ogc/"' in html
    assert "/tiles/practices/{z}/{x}/{y}.mvt?tool=referendum&amp;year=2018" in html
    assert "bogus" in html  # said to be left out


def catalogue_graph(document):
    graph = Graph()
    graph.parse(data=json.dumps(document), format="json-ld")
    return graph


def test_the_dcat_document_is_a_catalogue_of_one_dataset_with_a_distribution_per_format(client):
    response = client.get("/dane/dcat.jsonld")
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    graph = catalogue_graph(json.loads(response.content))
    [catalogue] = graph.subjects(RDF.type, DCAT.Catalog)
    for required in (DCT.title, DCT.description, DCT.publisher, DCAT.dataset):
        assert graph.value(catalogue, required) is not None, required
    [dataset] = graph.objects(catalogue, DCAT.dataset)
    assert (dataset, RDF.type, DCAT.Dataset) in graph
    titles = {title.language for title in graph.objects(dataset, DCT.title)}
    assert titles == {"pl", "en"}
    assert {d.language for d in graph.objects(dataset, DCT.description)} == {"pl", "en"}
    assert graph.value(dataset, DCT.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/")
    assert graph.value(graph.value(dataset, DCT.publisher), FOAF.name).value == (
        "Mapa Partycypacji")
    assert len(list(graph.objects(dataset, DCAT.keyword))) >= 6
    assert graph.value(dataset, DCT.issued) is not None
    assert graph.value(dataset, DCT.modified) is not None
    period = graph.value(dataset, DCT.temporal)
    assert str(graph.value(period, DCAT.startDate)) == "2018-01-01"
    assert str(graph.value(period, DCAT.endDate)) == "2022-12-31"
    assert URIRef("http://publications.europa.eu/resource/authority/country/POL") in set(
        graph.objects(dataset, DCT.spatial))
    downloads = {}
    for distribution in graph.objects(dataset, DCAT.distribution):
        assert (distribution, RDF.type, DCAT.Distribution) in graph
        assert graph.value(distribution, DCAT.accessURL) is not None
        assert graph.value(distribution, DCT["format"]) is not None
        assert graph.value(distribution, DCAT.mediaType) is not None
        if graph.value(distribution, DCAT.downloadURL) is not None:
            downloads[str(graph.value(distribution, DCAT.downloadURL))] = str(
                graph.value(distribution, DCAT.mediaType))
    assert downloads == {
        "http://testserver/export/practices.csv": "http://www.iana.org/assignments/media-types/text/csv",
        "http://testserver/export/practices.xlsx": "http://www.iana.org/assignments/media-types/"
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "http://testserver/export/practices.geojson":
            "http://www.iana.org/assignments/media-types/application/geo+json",
        "http://testserver/export/practices.gpkg":
            "http://www.iana.org/assignments/media-types/application/geopackage+sqlite3",
        "http://testserver/export/municipalities.csv":
            "http://www.iana.org/assignments/media-types/text/csv",
        "http://testserver/export/municipalities.geojson":
            "http://www.iana.org/assignments/media-types/application/geo+json",
        "http://testserver/export/municipalities.gpkg":
            "http://www.iana.org/assignments/media-types/application/geopackage+sqlite3",
    }


def test_the_page_embeds_the_same_dcat_document_as_json_ld(client):
    html = page(client, "/en/data/")
    [embedded] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    document = json.loads(client.get("/en/data/dcat.jsonld").content)
    assert json.loads(embedded) == document
    assert len(catalogue_graph(document)) > 50
