"""Stored text of any Unicode never reaches a server-rendered page as markup: hypothesis puts
markup wrapped around random full-Unicode text into every text field of a published case, its
tool's name and its gmina's name, and every page that shows them writes it escaped (the
browser counterpart, which also opens popups and the embed, is
browser/test_no_script_from_data.py)."""
import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practices.models import ParticipationTool, Practice
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db

# Every code point PostgreSQL text can hold (no NUL, no surrogates).
ANY_CHAR = st.characters(codec="utf-8", exclude_characters="\x00")
# Markup around the random text; none of these tags is on the Markdown allow-list.
WRAPPERS = ["<script>{}</script>", '"><img src=x onerror={}>', "</script><script>{}</script>",
            "<svg onload={}>", "<iframe srcdoc='{}'>", "'><img src=x onerror='{}'>"]
# Openers of the wrappers: their raw presence means markup got through, even cut short.
OPENERS = ["<script>", "<img src=x", "<svg onload", "<iframe srcdoc"]
PAGES = ["/", "/embed/", "/praktyki/fuzz/", "/en/practices/fuzz/", "/gminy/2061011/",
         "/gminy/2061011/druk/", "/narzedzia/", "/narzedzia/konsultacje/", "/statystyki/"]
CASE_FIELDS = {"title": 200, "summary": 500, "description": 2000, "organiser": 200,
               "outcome": 2000, "lessons": 2000, "contact": 300}

payloads = st.builds(lambda wrapper, text: wrapper.format(text),
                     st.sampled_from(WRAPPERS), st.text(ANY_CHAR, max_size=40))


@pytest.fixture(scope="module")
def fuzz_case(django_db_setup, django_db_blocker):
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        gmina = make_municipality("2061011", "Białystok")
        yield make_practice(gmina, "konsultacje", year=2024, slug="fuzz", title="Fuzz")
        transaction.set_rollback(True)


@settings(max_examples=15, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(payload=payloads)
def test_random_markup_in_stored_text_is_always_written_escaped(fuzz_case, payload):
    from django.core.cache import cache

    from geodata.models import Municipality

    cache.clear()  # the pages' cached lookups would otherwise keep the last example's names
    Practice.objects.filter(pk=fuzz_case.pk).update(
        **{name: payload[:limit] for name, limit in CASE_FIELDS.items()},
        facts={"subject": payload[:300]},
    )
    Municipality.objects.filter(teryt="2061011").update(name=payload[:100])
    ParticipationTool.objects.filter(slug="konsultacje").update(
        name_pl=payload[:100], name_en=payload[:100])
    client = Client()
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        body = without_own_scripts(response.content.decode())
        for raw in [payload[:100], *OPENERS]:
            assert raw not in body, (path, raw)


def without_own_scripts(body):
    """The page without the scripts the map's pages write into their HTML on purpose
    (practices/pages/inline_assets.py): each whole element, its text included, which no
    stored text can produce."""
    from practices.pages.inline_assets import inline_text

    for opening, path in (("<script>", "vendor/leaflet/leaflet.js"),
                          ('<script type="module">', "build/map.js")):
        body = body.replace(opening + inline_text(path) + "</script>", "", 1)
    return body
