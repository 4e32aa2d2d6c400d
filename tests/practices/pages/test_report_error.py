"""The "report an error" button of a case page writes to MAPA_CONTACT_EMAIL; with no address
set (the default), there is nowhere to write, so the button is not shown."""
import pytest

from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db

BUTTON = "Report an error in this case"


@pytest.fixture
def page(client):
    make_practice(make_municipality(), slug="a-case")
    return lambda: client.get("/en/practices/a-case/").content.decode()


def test_with_a_contact_address_the_button_writes_to_it(page, settings):
    settings.MAPA_CONTACT_EMAIL = "errors@example.org"
    html = page()
    assert BUTTON in html
    assert 'href="mailto:errors@example.org?subject=' in html


@pytest.mark.parametrize("address", ["", None])
def test_without_a_contact_address_there_is_no_button(page, settings, address):
    if address is None:
        del settings.MAPA_CONTACT_EMAIL
    else:
        settings.MAPA_CONTACT_EMAIL = address
    html = page()
    assert BUTTON not in html
    assert "mailto:" not in html
