"""The admin works offline (no CDN anywhere), validates facts and locations, and keeps the
register read-mostly."""
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from geodata.models import Municipality
from practices.models import ParticipationTool
from tests.factories import make_practice

pytestmark = pytest.mark.usefixtures("english")

ASSET = re.compile(r'<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"', re.IGNORECASE)


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def case(bialystok):
    return make_practice(bialystok, facts={"voters": 10}, description="**Opis**")


def pages(case):
    tool = ParticipationTool.objects.get(slug="referendum")
    gmina, county, voivodeship = case.municipality, case.municipality.county, \
        case.municipality.voivodeship
    return [
        reverse("admin:index"),
        reverse("admin:practices_practice_changelist"),
        reverse("admin:practices_practice_changelist") + f"?q=Bialystok&tool__id__exact={tool.pk}",
        reverse("admin:practices_practice_add"),
        reverse("admin:practices_practice_change", args=[case.pk]),
        reverse("admin:practices_participationtool_changelist"),
        reverse("admin:practices_participationtool_change", args=[tool.pk]),
        reverse("admin:geodata_municipality_changelist") + "?q=bialystok",
        reverse("admin:geodata_municipality_change", args=[gmina.pk]),
        reverse("admin:geodata_county_changelist"),
        reverse("admin:geodata_county_change", args=[county.pk]),
        reverse("admin:geodata_voivodeship_changelist"),
        reverse("admin:geodata_voivodeship_change", args=[voivodeship.pk]),
    ]


def test_admin_pages_render_and_load_only_local_assets(admin_client, case):
    for url in pages(case):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for asset in ASSET.findall(html):
            assert asset.startswith("/"), (url, asset)
            assert not asset.startswith("//"), (url, asset)
        # Only addresses: a bare "cdn" may occur in a random CSP nonce.
        assert not re.search(r"https?://[^\"'\s]*(cdn|unpkg|googleapis|cloudflare)", html,
                             re.IGNORECASE), url


@pytest.mark.parametrize("name", ["practice_change", "municipality_change"])
def test_the_map_widgets_use_the_leaflet_copy_served_by_us(admin_client, case, name):
    app = "practices" if name.startswith("practice") else "geodata"
    pk = case.pk if app == "practices" else case.municipality.pk
    html = admin_client.get(reverse(f"admin:{app}_{name}", args=[pk])).content.decode()
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "/static/admin-map/map-widget.js" in html


def test_the_changelist_search_finds_a_gmina_typed_without_diacritics(admin_client, case):
    url = reverse("admin:practices_practice_changelist")
    response = admin_client.get(url, {"q": "Bialystok"})
    assert list(response.context["cl"].result_list) == [case]


def form_data(case, **changes):
    data = {
        "title": case.title, "tool": case.tool_id, "municipality": case.municipality_id,
        "status": case.status, "year": case.year, "location": case.location.json,
        "licence": case.licence, "facts__budzet-obywatelski__voters": "10", "summary": "",
        "links-TOTAL_FORMS": "0", "links-INITIAL_FORMS": "0",
    }
    return {**data, **changes}


def test_facts_that_do_not_fit_the_tool_are_shown_as_errors_and_not_saved(admin_client, case):
    url = reverse("admin:practices_practice_change", args=[case.pk])
    response = admin_client.post(url, form_data(case, **{
        "facts__budzet-obywatelski__voters": "-3", "facts__budzet-obywatelski__amount_pln": "x"}))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["facts"]
    assert sorted(error.split(":")[0] for error in errors) == ["amount_pln", "voters"]
    case.refresh_from_db()
    assert case.facts == {"voters": 10}


def test_a_location_outside_the_gmina_is_refused_in_the_admin(admin_client, case, elk):
    url = reverse("admin:practices_practice_change", args=[case.pk])
    response = admin_client.post(url, form_data(case, location=elk.point.json))
    # The admin speaks Polish (the default language: its URLs carry no language prefix).
    errors = response.context["adminform"].form.errors["location"]
    assert errors == [
        "Lokalizacja leży poza gminą Białystok: umieść punkt w jej granicach albo zostaw pole "
        "puste, by użyć środka gminy."
    ]


def test_a_point_picked_on_the_map_is_saved(admin_client, case):
    url = reverse("admin:practices_practice_change", args=[case.pk])
    point = '{"type": "Point", "coordinates": [23.12, 53.18]}'
    response = admin_client.post(url, form_data(
        case, location=point, **{"facts__budzet-obywatelski__voters": "11"}))
    assert response.status_code == 302
    case.refresh_from_db()
    assert (round(case.location.x, 6), round(case.location.y, 6)) == (23.12, 53.18)
    assert case.facts == {"voters": 11}


def test_a_gmina_population_can_be_edited_but_not_its_name(admin_client, bialystok):
    url = reverse("admin:geodata_municipality_change", args=[bialystok.pk])
    response = admin_client.post(url, {"population": "294000", "name": "Inna"})
    assert response.status_code == 302
    bialystok.refresh_from_db()
    assert (bialystok.name, bialystok.population) == ("Białystok", 294000)


@pytest.mark.parametrize(
    "url_name",
    ["geodata_municipality_add", "geodata_county_add", "geodata_voivodeship_add",
     "practices_participationtool_add"],
)
def test_register_units_and_tools_cannot_be_added_here(admin_client, url_name):
    assert admin_client.get(reverse(f"admin:{url_name}")).status_code == 403


def test_gminy_and_tools_cannot_be_deleted_here(admin_client, bialystok):
    tool = ParticipationTool.objects.get(slug="inne")
    for url in (reverse("admin:geodata_municipality_delete", args=[bialystok.pk]),
                reverse("admin:practices_participationtool_delete", args=[tool.pk])):
        assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert Municipality.objects.filter(pk=bialystok.pk).exists()


def test_a_tools_slug_cannot_be_changed_here(admin_client):
    tool = ParticipationTool.objects.get(slug="inne")
    url = reverse("admin:practices_participationtool_change", args=[tool.pk])
    data = {"slug": "other", "name_pl": "Inne formy", "name_en": "Other", "color": "#7f7f7f",
            "position": "10", "rules": "{}"}
    assert admin_client.post(url, data).status_code == 302
    tool.refresh_from_db()
    assert (tool.slug, tool.name_pl) == ("inne", "Inne formy")


def test_the_case_list_does_not_load_gmina_boundaries(admin_client, case):
    make_practice(case.municipality)
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(reverse("admin:practices_practice_changelist"))
    assert len(response.context["cl"].result_list) == 2
    selects = [q["sql"] for q in queries if "practices_practice" in q["sql"]]
    assert selects
    assert not any('"geodata_municipality"."boundary"' in sql for sql in selects)
