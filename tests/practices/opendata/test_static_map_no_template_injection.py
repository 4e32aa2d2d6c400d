"""The downloaded map is built with folium, which renders its parts through Jinja2 templates:
template syntax in stored text (a case's title, a tool's or gmina's name) or in the `title`
parameter must reach the file as text, never be evaluated on the server (Jinja2 expressions
can reach Python's internals)."""
import pytest

from practices.models import ParticipationTool
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db

EXPRESSION = "{{ 6*7 }}{% if 1 %}X{% endif %}{# c #}"


@pytest.mark.parametrize("view", ["markers", "choropleth"])
def test_template_syntax_in_data_and_the_title_is_never_evaluated(client, view):
    ParticipationTool.objects.filter(slug="budzet-obywatelski").update(name_pl=f"BO {EXPRESSION}")
    gmina = make_municipality(name=f"Gmina {EXPRESSION}")
    make_practice(gmina, title=f"Tytuł {EXPRESSION}", slug="bo")
    response = client.get("/export/map.html", {"title": f"Mapa {EXPRESSION}", "view": view})
    assert response.status_code == 200
    body = response.content.decode()
    for prefix in ("Mapa", "Tytuł", "BO", "Gmina"):
        assert f"{prefix} 42" not in body  # the expression was not evaluated
    # Shown as written (the browser test opens the popups).
    assert '<h1 class="mapa-title">Mapa &#123;&#123; 6*7 &#125;&#125;' in body
