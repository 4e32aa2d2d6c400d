"""A case is checked before it is saved: its point lies in its gmina, years and dates are in
order, the summary is plain text, the facts fit the tool."""
import pytest
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError

from practices.models import ParticipationTool, Practice


def case(gmina, **fields):
    values = {"title": "Konsultacje", "tool": ParticipationTool.objects.get(slug="konsultacje"),
              "municipality": gmina, "year": 2024, **fields}
    return Practice(**values)


def errors(practice):
    with pytest.raises(ValidationError) as caught:
        practice.full_clean()
    return caught.value.message_dict


def test_a_location_outside_the_gmina_is_refused_naming_the_gmina(bialystok, elk):
    practice = case(bialystok, location=elk.point)
    assert errors(practice) == {"location": [
        "The location lies outside the gmina Białystok: put the point inside it or leave it "
        "empty to use the gmina's centre."
    ]}


@pytest.mark.parametrize(
    "location",
    [Point(23.15, 53.15, srid=4326), Point(23.1, 53.13, srid=4326),  # inside; on the border
     Point(23.15, 53.15, srid=4326).transform(2180, clone=True)],  # another CRS, inside
)
def test_a_location_inside_the_gmina_or_on_its_border_is_accepted(bialystok, location):
    case(bialystok, location=location).full_clean()


def test_an_empty_location_becomes_the_gminas_representative_point(bialystok):
    practice = case(bialystok)
    practice.full_clean()
    practice.save()
    practice.refresh_from_db()
    assert practice.location.equals_exact(bialystok.point, 1e-9)


def test_an_end_year_before_the_year_is_refused(bialystok):
    assert errors(case(bialystok, year=2024, end_year=2023)) == {
        "end_year": ["The end year cannot be before the year."]
    }


def test_an_end_year_equal_to_the_year_is_accepted(bialystok):
    case(bialystok, year=2024, end_year=2024).full_clean()


@pytest.mark.parametrize("summary", ["<b>Ważne</b> konsultacje", "Tekst <script>x</script>"])
def test_a_summary_with_html_is_refused(bialystok, summary):
    assert list(errors(case(bialystok, summary=summary))) == ["summary"]


def test_a_summary_over_500_characters_is_refused(bialystok):
    assert list(errors(case(bialystok, summary="a" * 501))) == ["summary"]


def test_a_plain_summary_with_comparisons_is_accepted(bialystok):
    case(bialystok, summary="Frekwencja < 30% i > 10%: 5 < 7.").full_clean()


def test_facts_that_do_not_fit_the_tool_are_refused_under_facts(bialystok):
    practice = case(bialystok, facts={"methods": ["fax"], "votes": 3})
    messages = errors(practice)["facts"]
    assert sorted(message.split(":")[0] for message in messages) == ["methods", "votes"]


def test_valid_facts_are_stored_in_their_cleaned_form(bialystok):
    practice = case(bialystok, facts={"comments_received": "120", "methods": ["walk", "survey"]})
    practice.full_clean()
    practice.save()
    practice.refresh_from_db()
    assert practice.facts == {"methods": ["survey", "walk"], "comments_received": 120}
