"""The admin edits a case's facts through generated, labelled fields of its tool (the same
as the member's form), saves valid facts cleaned and refuses invalid ones with the errors of
validate_facts."""
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from practices.domain.facts import validate_facts
from practices.models import Practice
from tests.factories import make_practice, tool

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "pw"))
    return client


@pytest.fixture
def case(bialystok):
    return make_practice(bialystok, title="BO Białystok", facts={"voters": 10})


def form_data(case, **facts):
    data = {
        "title": case.title, "tool": tool(case.tool.slug).pk,
        "municipality": case.municipality_id, "status": case.status, "year": case.year,
        "licence": case.licence, "location": "", "summary": "", "description": "",
        "organiser": "", "organiser_type": "", "participants": "", "outcome": "",
        "lessons": "", "contact": "", "author": "",
        "links-TOTAL_FORMS": "0", "links-INITIAL_FORMS": "0",
    }
    data.update({f"facts__{case.tool.slug}__{key}": value for key, value in facts.items()})
    return data


def test_the_facts_are_labelled_fields_of_the_cases_tool(admin_client, case):
    url = reverse("admin:practices_practice_change", args=[case.pk])
    html = admin_client.get(url).content.decode()
    assert '<label for="id_facts__budzet-obywatelski__voters">' in html
    assert 'name="facts__budzet-obywatelski__voters" value="10"' in html
    assert 'name="facts__referendum__type"' in html  # other tools, folded away
    assert '<textarea name="facts"' not in html


def test_valid_facts_are_saved_cleaned(admin_client, case):
    url = reverse("admin:practices_practice_change", args=[case.pk])
    response = admin_client.post(url, form_data(
        case, amount_pln="1 500 000,50", projects_submitted="40", voters=""))
    assert response.status_code == 302, response.content.decode()[:2000]
    case.refresh_from_db()
    assert case.facts == {"amount_pln": 1500000.5, "projects_submitted": 40}


def test_invalid_facts_are_refused_with_the_errors_of_validate_facts(admin_client, case):
    url = reverse("admin:practices_practice_change", args=[case.pk])
    facts = {"projects_selected": "9", "projects_voted": "3"}
    response = admin_client.post(url, form_data(case, **facts))
    assert response.status_code == 200
    with pytest.raises(ValidationError) as expected:
        validate_facts("budzet-obywatelski", facts)
    html = response.content.decode()
    for message in expected.value.messages:
        assert message in html
    case.refresh_from_db()
    assert case.facts == {"voters": 10}


def test_a_new_case_gets_the_facts_of_the_chosen_tool(admin_client, bialystok):
    data = form_data(make_practice(bialystok), votes_cast="70")
    Practice.objects.all().delete()
    data.update(title="Nowy BO", slug="")
    response = admin_client.post(reverse("admin:practices_practice_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Practice.objects.get(title="Nowy BO").facts == {"votes_cast": 70}
