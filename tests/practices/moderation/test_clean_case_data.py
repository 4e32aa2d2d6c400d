"""clean_case_data: the canonical submission data as model values, every problem named by
its data key at once."""
import datetime

import pytest
from django.core.exceptions import ValidationError

from practices.moderation import clean_case_data
from tests.practices.moderation.conftest import case_data

pytestmark = pytest.mark.usefixtures("english")


def errors_of(data):
    with pytest.raises(ValidationError) as raised:
        clean_case_data(data)
    return raised.value.message_dict


def test_strings_become_numbers_dates_a_tool_a_gmina_and_a_point(bialystok):
    values = clean_case_data(case_data(end_year="2025", start_date="2024-03-01",
                                       participants="350"))

    assert values.fields["year"] == 2024
    assert values.fields["end_year"] == 2025
    assert values.fields["participants"] == 350
    assert values.fields["start_date"] == datetime.date(2024, 3, 1)
    assert values.fields["tool"].slug == "budzet-obywatelski"
    assert values.fields["municipality"] == bialystok
    assert values.fields["location"].coords == (23.15, 53.15)
    assert values.fields["facts"] == {"projects_submitted": 40, "voters": 1200}
    assert values.fields["description"] == "Opis **projektu**."
    assert values.links == [("source", "https://bip.example.org/uchwala", "Uchwała")]


def test_a_point_in_another_gmina_is_refused_naming_that_gmina(bialystok, suprasl):
    errors = errors_of(case_data(location={"lon": 23.35, "lat": 53.25}))

    assert list(errors) == ["location"]
    assert "Supraśl" in errors["location"][0] and "Białystok" in errors["location"][0]


def test_a_point_outside_every_gmina_is_refused(bialystok):
    errors = errors_of(case_data(location={"lon": 10, "lat": 50}))

    assert "outside every gmina" in errors["location"][0]


@pytest.mark.parametrize("location", [{"lon": "NaN", "lat": 53}, {"lon": 200, "lat": 53},
                                      {"lat": 53}, "23,53", {"lon": True, "lat": 53}])
def test_a_malformed_point_is_refused(bialystok, location):
    assert list(errors_of(case_data(location=location))) == ["location"]


def test_facts_and_links_are_named_by_their_own_keys(bialystok):
    errors = errors_of(case_data(
        facts={"voters": "many", "colour": "red"},
        links=[{"url": "https://ok.example.org"}, {"url": "javascript:alert(1)"}],
    ))

    assert sorted(errors) == ["facts.colour", "facts.voters", "links.1.url"]


def test_every_problem_is_listed_at_once(bialystok):
    errors = errors_of({"title": "", "year": "²⁰²⁴", "municipality": "9999999",
                        "start_date": "1 May", "summary": "<b>bold</b>"})

    assert sorted(errors) == ["municipality", "start_date", "summary", "title", "tool", "year"]


def test_the_models_own_rules_apply(bialystok):
    errors = errors_of(case_data(end_year="2020", summary="<script>x</script>",
                                 licence="proprietary"))

    assert sorted(errors) == ["end_year", "licence", "summary"]
