"""The admin refuses a case location it cannot store (NaN, out of range, another reference
system, not a point) with a form error naming the problem, and keeps the stored one."""
import pytest
from django.urls import reverse

from tests.factories import make_practice
from tests.practices.test_admin import form_data


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def case(bialystok):
    return make_practice(bialystok, facts={"voters": 10})

REFUSED = [
    ("POINT (NaN NaN)", "Każda współrzędna musi być skończoną liczbą."),
    ('{"type": "Point", "coordinates": [223.1, 53.1]}', "jest poza zakresem"),
    ("SRID=2180;POINT (500000 600000)", "Przyjmowane są tylko długość i szerokość WGS 84"),
    ("LINESTRING (23.1 53.1, 23.2 53.2)", "Podano LineString; podaj Point."),
]


@pytest.mark.parametrize(("location", "message"), REFUSED, ids=[r[0][:30] for r in REFUSED])
def test_a_location_that_cannot_be_stored_is_refused_with_its_reason(
        admin_client, case, location, message):
    before = case.location
    url = reverse("admin:practices_practice_change", args=[case.pk])
    response = admin_client.post(url, form_data(case, location=location))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["location"]
    assert len(errors) == 1 and message in errors[0], errors
    case.refresh_from_db()
    assert case.location == before
