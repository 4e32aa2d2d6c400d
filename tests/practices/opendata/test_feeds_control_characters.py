"""Stored text with characters XML cannot carry (control characters kept by an import) still
gives a valid feed: those characters are left out, the rest of the text stays."""
import xml.etree.ElementTree as ET

import pytest

from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_a_feed_leaves_out_characters_xml_cannot_carry(client, kind):
    make_practice(make_municipality(), title="Budżet\x07 obywatelski\x1b", summary="Krótko\x0b.",
                  organiser="Urząd\x02", slug="bo")
    response = client.get(f"/feeds/practices.{kind}")
    assert response.status_code == 200
    titles = [e.text for e in ET.fromstring(response.content).iter() if e.tag.endswith("title")]
    assert "Budżet obywatelski" in titles
    assert "Krótko." in response.content.decode()
