"""Slugs are ASCII, made from the title, gmina and year when empty, unique, and stable."""
import pytest

from practices.domain.slugs import ascii_slug
from practices.models import ParticipationTool, Practice


def create(gmina, title, year=2021, **fields):
    tool = ParticipationTool.objects.get(slug="budzet-obywatelski")
    return Practice.objects.create(title=title, tool=tool, municipality=gmina, year=year,
                                   **fields)


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Ełk", "elk"), ("Łomża – Żółć, Gęś!", "lomza-zolc-ges"), ("  ", ""),
     ("Budżet 2021/2022", "budzet-2021-2022"), ("Straße Øresund", "strasse-oresund")],
)
def test_polish_letters_are_transliterated(text, slug):
    assert ascii_slug(text) == slug


def test_an_empty_slug_is_made_from_title_gmina_and_year(elk):
    assert create(elk, "Budżet obywatelski").slug == "budzet-obywatelski-elk-2021"


def test_the_gmina_and_year_are_not_repeated_when_the_title_has_them(elk):
    assert create(elk, "Budżet obywatelski Ełk 2021").slug == "budzet-obywatelski-elk-2021"


def test_colliding_slugs_get_numbered_suffixes(elk):
    slugs = [create(elk, "Budżet obywatelski").slug for _ in range(3)]
    assert slugs == [
        "budzet-obywatelski-elk-2021", "budzet-obywatelski-elk-2021-2",
        "budzet-obywatelski-elk-2021-3",
    ]


def test_a_slug_does_not_change_when_the_title_does(elk):
    practice = create(elk, "Budżet obywatelski")
    practice.title = "Zupełnie inny tytuł"
    practice.save()
    practice.refresh_from_db()
    assert practice.slug == "budzet-obywatelski-elk-2021"


def test_a_given_slug_is_kept(elk):
    assert create(elk, "Budżet", slug="moj-wlasny").slug == "moj-wlasny"


def test_a_very_long_title_gives_a_slug_that_fits(elk):
    slug = create(elk, "Bardzo długi tytuł " * 10).slug
    assert len(slug) <= 200
    assert slug.startswith("bardzo-dlugi-tytul-")
