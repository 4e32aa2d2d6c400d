"""The gmina page shows its number of eligible voters with the year and the source, and
nothing in their place when they have not been imported."""
import pytest

from tests.factories import make_municipality

pytestmark = pytest.mark.django_db


def voters_field(html):
    start = html.find('<div class="field field-eligible-voters">')
    return html[start:html.index("</div>", start)] if start >= 0 else None


@pytest.fixture
def raczki():
    return make_municipality(
        "2012052", "Raczki", eligible_voters=4305, eligible_voters_year=2025,
        eligible_voters_source="PKW: wybory Prezydenta RP 2025, I tura",
    )


def test_the_page_shows_the_eligible_voters_with_year_and_source(client, raczki):
    html = client.get("/en/municipalities/2012052/").content.decode()
    assert voters_field(html) == (
        '<div class="field field-eligible-voters"><dt>Eligible voters (2025)</dt>'
        '<dd>4,305 <span class="meta">source: PKW: wybory Prezydenta RP 2025, I tura</span>'
        "</dd>"
    )


def test_the_polish_page_shows_them_in_polish(client, raczki):
    html = client.get("/gminy/2012052/").content.decode()
    assert "Uprawnieni do głosowania (2025)" in voters_field(html)
    assert "4\u00a0305" in voters_field(html) or "4 305" in voters_field(html)
    assert "źródło: PKW" in voters_field(html)


def test_a_gmina_without_a_count_shows_no_voters_field(client):
    make_municipality("2012052", "Raczki")
    html = client.get("/en/municipalities/2012052/").content.decode()
    assert voters_field(html) is None
