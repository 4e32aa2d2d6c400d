"""The place step: gminy found by name without diacritics or by the start of their TERYT
code, the gmina at a clicked point, and a point outside the chosen gmina refused with a
message naming the gmina it lies in."""
import pytest
from django.urls import reverse

from tests.factories import make_municipality
from tests.practices.members.conftest import step_url

pytestmark = pytest.mark.usefixtures("english")


def search(client, query):
    response = client.get(reverse("members:gmina-search"), {"q": query})
    assert response.status_code == 200
    return [row["teryt"] for row in response.json()["results"]]


def test_a_name_without_diacritics_finds_the_gmina(client, suprasl, bialystok, elk):
    assert search(client, "Suprasl") == ["2010063"]
    assert search(client, "elk") == ["2807011"]
    assert search(client, "BIAŁY") == ["2061011"]


def test_names_starting_with_the_query_come_first(client, db):
    make_municipality("2002011", "Dąbrowa Białostocka", lon=23.0, lat=53.6)
    make_municipality("2002022", "Nowa Dąbrowa", lon=23.2, lat=53.6)
    assert search(client, "dabrowa") == ["2002011", "2002022"]


def test_digits_find_codes_starting_with_them(client, suprasl, bialystok, elk):
    make_municipality("2002011", "Dąbrowa Białostocka", lon=23.0, lat=53.6)
    assert search(client, "2002") == ["2002011"]
    assert search(client, "20") == ["2002011", "2010063", "2061011"]


def test_a_search_answers_with_the_gminas_county_and_voivodeship(client, suprasl):
    response = client.get(reverse("members:gmina-search"), {"q": "supr"})
    assert response.json() == {"results": [{
        "teryt": "2010063", "name": "Supraśl", "county": "powiat 2010",
        "voivodeship": "podlaskie", "label": "Supraśl (2010063)",
    }]}


def test_the_gmina_at_a_point_is_found_by_its_boundary(client, suprasl, bialystok):
    url = reverse("members:gmina-at")
    assert client.get(url, {"lon": "23.35", "lat": "53.25"}).json() == {"gmina": {
        "teryt": "2010063", "name": "Supraśl", "label": "Supraśl (2010063)"}}
    assert client.get(url, {"lon": "10", "lat": "10"}).json() == {"gmina": None}
    assert client.get(url, {"lon": "abc", "lat": "1"}).status_code == 400


def place(client, submission, **values):
    return client.post(step_url(submission, "place"), {"action": "next", **values})


def test_a_point_outside_the_chosen_gmina_is_refused_naming_where_it_lies(
        alice_client, draft, bialystok):
    response = place(alice_client, draft, municipality="Supraśl (2010063)",
                     lon="23.15", lat="53.15")
    assert response.status_code == 400
    assert ("The point lies in the gmina Białystok (2061011), not in Supraśl"
            in response.content.decode())
    draft.refresh_from_db()
    assert draft.data["municipality"] == "2010063"
    assert draft.data["location"] == {"lon": "23.15", "lat": "53.15"}


def test_a_point_inside_the_gmina_is_accepted(alice_client, draft):
    response = place(alice_client, draft, municipality="2010063", lon="23,35", lat="53.25")
    assert response.status_code == 302 and response.url == step_url(draft, "sources")


def test_a_gmina_typed_by_its_name_is_stored_by_its_code(alice_client, draft):
    response = place(alice_client, draft, municipality="suprasl", lon="", lat="")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.data["municipality"] == "2010063" and draft.data["location"] is None


@pytest.mark.parametrize(("typed", "message"), [
    ("Nibylandia", "No gmina is called “Nibylandia”"),
    ("9999999", "There is no gmina with the TERYT code 9999999"),
    ("", "Choose the gmina where the case took place."),
])
def test_an_unknown_gmina_is_refused_saying_what_to_type(alice_client, draft, typed, message):
    response = place(alice_client, draft, municipality=typed)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_coordinates_that_are_not_numbers_are_refused(alice_client, draft):
    response = place(alice_client, draft, municipality="2010063", lon="wschód", lat="1e400")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter the longitude as a number" in html and "Enter the latitude" in html
