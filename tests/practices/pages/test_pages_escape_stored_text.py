"""Text stored in a case or a gmina's name never reaches a server-rendered page as markup:
every page, the embed and the oEmbed answer write it escaped (the Markdown description goes
through the allow-listed renderer). oEmbed's `title` is plain text by definition; its `html`
is markup and carries the title escaped."""
import pytest

from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db

PAYLOAD = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
RAW = ["<script>alert(1)", "<img src=x onerror"]


@pytest.fixture(autouse=True)
def world():
    gmina = make_municipality("2061011", "Gmina " + PAYLOAD)
    make_practice(
        gmina, slug="bo-2020", title="BO " + PAYLOAD, summary=PAYLOAD, description=PAYLOAD,
        organiser=PAYLOAD, outcome=PAYLOAD, lessons=PAYLOAD, contact=PAYLOAD,
    )


@pytest.mark.parametrize("path", [
    "/", "/en/", "/praktyki/bo-2020/", "/en/practices/bo-2020/", "/gminy/2061011/",
    "/narzedzia/budzet-obywatelski/", "/statystyki/", "/embed/", "/embed/?gmina=2061011",
])
def test_stored_markup_is_written_escaped(client, path):
    response = client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    for raw in RAW:
        assert raw not in body


def test_the_oembed_html_carries_the_title_escaped(client):
    answer = client.get(
        "/oembed/", {"url": "http://testserver/praktyki/bo-2020/", "format": "json"}
    ).json()
    assert answer["title"] == "BO " + PAYLOAD
    assert "&lt;script&gt;alert(1)" in answer["html"]
    for raw in RAW:
        assert raw not in answer["html"]
