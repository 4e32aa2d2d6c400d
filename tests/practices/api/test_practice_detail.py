"""/api/practices/{slug}/: one published case as a Feature with every public field."""
from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from practices.domain.facts import enrich
from practices.models import PracticeLink


def polish(name, **kwargs):
    with translation.override("pl"):
        return reverse(name, kwargs=kwargs)


def test_it_shows_every_public_field(api, world):
    case = world["cases"]["konsultacje-bialystok-2020"]
    case.summary = "Mieszkańcy wybrali nowy układ alejek."
    case.description = "Park **Zwierzyniecki**"
    case.organiser = "Urząd Miejski w Białymstoku"
    case.organiser_type = "urzad"
    case.participants = 412
    case.outcome = "Przyjęto 30 uwag."
    case.lessons = "Spacery badawcze działają."
    case.contact = "konsultacje@example.org"
    case.end_year = 2021
    case.start_date = "2020-04-01"
    case.end_date = "2020-05-15"
    case.save()
    PracticeLink.objects.create(practice=case, kind="source", url="https://bip.example.org/u/1",
                                label="Uchwała", position=1)
    PracticeLink.objects.create(practice=case, kind="link", url="https://example.org/raport",
                                label="Raport", position=1)
    case.refresh_from_db()

    data = api.json(f"/api/practices/{case.slug}/")

    html = data["properties"].pop("description_html")
    created, updated = (data["properties"].pop(key) for key in ("created_at", "updated_at"))
    assert data == {
        "type": "Feature",
        "id": case.pk,
        "geometry": {"type": "Point", "coordinates": [23.12, 53.12]},
        "properties": {
            "title": "Konsultacje parku Zwierzynieckiego",
            "slug": "konsultacje-bialystok-2020",
            "tool": {"slug": "konsultacje", "name_pl": "Konsultacje społeczne",
                     "name_en": "Public consultations"},
            "municipality": {"teryt": "2061011", "name": "Białystok",
                             "url": polish("municipality-detail", teryt="2061011")},
            "year": 2020,
            "end_year": 2021,
            "start_date": "2020-04-01",
            "end_date": "2020-05-15",
            "summary": "Mieszkańcy wybrali nowy układ alejek.",
            "description": "Park **Zwierzyniecki**",
            "organiser": "Urząd Miejski w Białymstoku",
            "organiser_type": "urzad",
            "participants": 412,
            "outcome": "Przyjęto 30 uwag.",
            "lessons": "Spacery badawcze działają.",
            "sources": [{"url": "https://bip.example.org/u/1", "label": "Uchwała"}],
            "links": [{"url": "https://example.org/raport", "label": "Raport"}],
            "contact": "konsultacje@example.org",
            "licence": "CC-BY-4.0",
            "licence_url": "https://creativecommons.org/licenses/by/4.0/",
            "facts": enrich(case),
            "is_sample": False,
            "url": polish("practice-detail", slug="konsultacje-bialystok-2020"),
        },
    }
    assert "Zwierzyniecki" in html
    assert datetime.fromisoformat(created) == case.created_at
    assert datetime.fromisoformat(updated) == case.updated_at


def test_the_description_html_never_carries_a_script(api, world):
    case = world["cases"]["bo-bialystok-2019"]
    case.description = "Budżet <script>alert(1)</script> & więcej"
    case.save()
    html = api.json(f"/api/practices/{case.slug}/")["properties"]["description_html"]
    assert "<script>" not in html
    assert "Budżet" in html


def test_a_sample_case_is_marked_and_has_a_note(api, world):
    data = api.json("/api/practices/bo-elk-2020/")
    assert data["properties"]["is_sample"] is True
    assert "sample" in data["note"]


def test_a_real_case_has_no_note(api, world):
    assert "note" not in api.json("/api/practices/bo-bialystok-2019/")


@pytest.mark.parametrize("slug", ["draft-bialystok", "submitted-elk", "rejected-warszawa",
                                  "archived-suprasl", "no-such-case", "zażółć", "a%20b"])
def test_a_case_the_public_cannot_see_is_not_found(api, world, slug):
    response = api.get(f"/api/practices/{slug}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in api.json(f"/api/practices/{slug}/", expect=404)


def test_a_moderator_signed_in_on_the_site_reads_an_unpublished_case_privately(
        api, world, moderator):
    # The case page's rule (tests/practices/visibility has the whole matrix); the answer is
    # never kept by a shared cache.
    api.force_login(moderator)
    response = api.get("/api/practices/draft-bialystok/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_member_signed_in_on_the_site_sees_only_published_cases_of_others(
        api, world, member):
    api.force_login(member)
    assert api.get("/api/practices/draft-bialystok/").status_code == 404
