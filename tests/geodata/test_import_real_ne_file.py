"""Importing the real boundaries of podlaskie (20) and warmińsko-mazurskie (28)."""
import pytest

from geodata.models import County, Municipality, MunicipalityType, Voivodeship
from tests.conftest import shared_geodata
from tests.geodata.conftest import run_import


@pytest.mark.django_db
def test_it_imports_118_gminy_of_podlaskie_and_116_of_warminsko_mazurskie():
    run = run_import(shared_geodata() / "gminy_20_28.geojson")

    assert run.code == 0, run.err
    assert "Created: 234" in run.out
    assert Municipality.objects.filter(voivodeship="20").count() == 118
    assert Municipality.objects.filter(voivodeship="28").count() == 116


def test_bialystok_is_an_urban_gmina_in_county_2061(ne_boundaries):
    bialystok = Municipality.objects.get(teryt="2061011")

    assert bialystok.name == "Białystok"
    assert bialystok.type == MunicipalityType.URBAN
    assert bialystok.county_id == "2061"
    assert bialystok.voivodeship_id == "20"


@pytest.mark.parametrize(
    ("code", "name"),
    [("2805011", "Ełk"), ("2805022", "Ełk"), ("2818033", "Gołdap"), ("2062011", "Łomża"),
     ("2007022", "Łomża"), ("2002093", "Supraśl")],
)
def test_names_keep_their_polish_diacritics(ne_boundaries, code, name):
    assert Municipality.objects.get(teryt=code).name == name


@pytest.mark.parametrize(
    ("code", "name", "kind"),
    [("2061", "Białystok", "miasto na prawach powiatu"), ("2805", "ełcki", "powiat"),
     ("2818", "gołdapski", "powiat")],
)
def test_counties_come_with_their_names_and_kinds(ne_boundaries, code, name, kind):
    county = County.objects.get(teryt=code)
    assert (county.name, county.kind, county.boundary is not None) == (name, kind, True)


def test_voivodeships_come_with_their_names_and_boundaries(ne_boundaries):
    assert [(v.teryt, v.name, v.boundary is not None) for v in Voivodeship.objects.all()] == [
        ("20", "podlaskie", True), ("28", "warmińsko-mazurskie", True)]


@pytest.mark.parametrize(("code", "official_km2"), [("20", 20_187), ("28", 24_173)])
def test_gmina_areas_add_up_to_the_official_area_of_the_voivodeship(
    ne_boundaries, code, official_km2
):
    total = sum(Municipality.objects.filter(voivodeship=code).values_list("area_km2", flat=True))
    # The files are generalised (about 2 km segments): within 0.2 % of the GUS figure.
    assert total == pytest.approx(official_km2, rel=0.002)
