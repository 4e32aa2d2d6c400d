"""The list reads each case's feature as the database keeps it written (practices.feature_store):
whatever writes a case, its gmina or its tool, the list sends what it would have written itself,
and where the stored copy is not this code's it writes the features again rather than send a
stale one."""
import json

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geodata.models import Municipality
from practices import caching, feature_store, geojson
from practices.models import ParticipationTool, Practice
from tests.factories import make_practice

LIST = "/api/practices/"


@pytest.fixture
def written_here(monkeypatch):
    """The features as the list writes them when it does not read the stored copies."""
    def written(queryset=None):
        monkeypatch.setattr(feature_store, "usable", lambda using="default": False)
        caching.forget_compiled()
        try:
            return _features(queryset)
        finally:
            monkeypatch.undo()
            caching.forget_compiled()
    return written


def _features(queryset=None):
    queryset = Practice.objects.published() if queryset is None else queryset
    return geojson.fetch_features(*geojson.practice_features(queryset))[0]


def _stored(case):
    with connection.cursor() as cursor:
        cursor.execute("SELECT feature FROM practices_practice WHERE id = %s", [case.pk])
        return cursor.fetchone()[0]


@pytest.fixture(autouse=True)
def checked_again(db):
    feature_store.install()  # this code's triggers, whatever the test database was made with
    feature_store.forget()
    yield
    feature_store.forget()


TITLES = ['Budżet "obywatelski" 2024', "Back\\slash\tand tab", "Ünïcödé ✓ 🗳️", "</script>"]


def test_the_stored_features_are_what_the_list_would_write(bialystok, elk, written_here):
    for number, title in enumerate(TITLES):
        make_practice(bialystok if number % 2 else elk, title=title, year=2020 + number,
                      is_sample=bool(number % 2))
    make_practice(elk, tool_slug="konsultacje", title="Bez miejsca", location=None)
    assert feature_store.usable()
    stored = _features()
    assert len(stored) == len(TITLES) + 1
    assert stored == written_here()
    titles = [json.loads(text)["properties"]["title"] for text in stored]
    assert sorted(titles) == sorted([*TITLES, "Bez miejsca"])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                     min_size=1, max_size=60))
def test_any_title_is_stored_as_the_list_writes_it(bialystok, written_here, title):
    case = make_practice(bialystok, title=title)
    try:
        assert json.loads(_stored(case))["properties"]["title"] == title
        assert _stored(case) == written_here(Practice.objects.filter(pk=case.pk))[0]
    finally:
        case.delete()


def test_a_renamed_gmina_renames_its_cases_features(api, bialystok, elk):
    case = make_practice(bialystok)
    other = make_practice(elk)
    before = _stored(other)
    Municipality.objects.filter(pk=bialystok.pk).update(name="Białystok Nowy")
    assert json.loads(_stored(case))["properties"]["municipality_name"] == "Białystok Nowy"
    assert _stored(other) == before
    feature = api.json(LIST, {"municipality": "2061011"})["features"][0]
    assert feature["properties"]["municipality_name"] == "Białystok Nowy"


def test_a_case_without_a_place_follows_its_gminas_point(bialystok):
    case = make_practice(bialystok, location=None)
    Practice.objects.filter(pk=case.pk).update(location=None)
    bialystok.point = bialystok.point.__class__(23.5, 53.5, srid=4326)
    bialystok.save()
    assert json.loads(_stored(case))["geometry"]["coordinates"] == [23.5, 53.5]


def test_a_tool_given_another_slug_changes_its_cases_features(bialystok):
    case = make_practice(bialystok, tool_slug="konsultacje")
    ParticipationTool.objects.filter(slug="konsultacje").update(slug="konsultacje-spoleczne")
    assert json.loads(_stored(case))["properties"]["tool"] == "konsultacje-spoleczne"


def test_writes_that_bypass_the_orm_keep_the_feature_current(bialystok, written_here):
    case = make_practice(bialystok, title="Stary tytuł")
    Practice.objects.filter(pk=case.pk).update(title="Nowy tytuł", year=2019)
    # A copy made in SQL, as an import might, with a feature that is not its own.
    given = {"title": "'Wstawiony'", "slug": "'wstawiony'", "year": "2018", "feature": "'stale'"}
    columns = [field.column for field in Practice._meta.concrete_fields if not field.primary_key]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO practices_practice ({', '.join(columns)})"  # noqa: S608 (model's columns)
            f" SELECT {', '.join(given.get(c, f'first.{c}') for c in columns)}"
            " FROM practices_practice AS first WHERE first.id = %s", [case.pk])
    features = _features()
    assert [json.loads(text)["properties"]["title"] for text in features] == [
        "Nowy tytuł", "Wstawiony"]
    assert features == written_here()


def test_a_case_of_a_gmina_that_does_not_exist_is_refused_with_a_reason(bialystok):
    from django.db import DatabaseError, transaction

    case = make_practice(bialystok)
    with pytest.raises(DatabaseError, match="no gmina 9999999"), transaction.atomic():
        Practice.objects.filter(pk=case.pk).update(municipality_id="9999999")


def test_features_of_other_code_are_not_read(api, bialystok, elk):
    make_practice(bialystok, title="Pierwszy")
    make_practice(elk, title="Drugi")
    expected = api.get(LIST).content
    with connection.cursor() as cursor:
        # Another version of the code installed its own triggers and wrote its own features.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks: ALTER may run
        cursor.execute("COMMENT ON FUNCTION practices_practice_feature() IS 'other code'")
        cursor.execute("ALTER TABLE practices_practice DISABLE TRIGGER practices_practice_feature")
        cursor.execute("UPDATE practices_practice SET feature = '{\"stale\":true}'")
        cursor.execute("ALTER TABLE practices_practice ENABLE TRIGGER practices_practice_feature")
    feature_store.forget()
    assert not feature_store.usable()
    assert api.get(LIST).content == expected
    # A migrate with this code installs its triggers again and writes every feature.
    assert feature_store.install() is True
    assert feature_store.usable()
    assert api.get(LIST).content == expected
    assert feature_store.install() is False  # nothing to do the second time


def test_a_disabled_trigger_is_not_trusted(api, bialystok):
    make_practice(bialystok, title="Pierwszy")
    expected = api.get(LIST).content
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks: ALTER may run
        cursor.execute("ALTER TABLE practices_practice DISABLE TRIGGER practices_practice_feature")
    feature_store.forget()
    make_practice(bialystok, title="Drugi, zapisany bez wyzwalacza")
    assert not feature_store.usable()
    body = api.json(LIST)
    assert [f["properties"]["title"] for f in body["features"]][0] == "Pierwszy"
    assert len(body["features"]) == 2
    assert expected != api.get(LIST).content


@pytest.mark.parametrize("table, trigger", [
    ("geodata_municipality", "practices_feature_of_municipality"),
    ("practices_participationtool", "practices_feature_of_participationtool"),
])
def test_a_disabled_trigger_on_a_related_table_is_not_trusted(api, bialystok, table, trigger):
    case = make_practice(bialystok, title="Pierwszy")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks: ALTER may run
        cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
    feature_store.forget()
    try:
        assert not feature_store.usable()
        # A change the disabled trigger would have written into the cases' features.
        bialystok.name = "Białystok (miasto)"
        bialystok.save()
        case.tool.slug = "konsultacje-spoleczne"
        case.tool.save()
        properties = api.json(LIST)["features"][0]["properties"]
        assert (properties["municipality_name"], properties["tool"]) == (
            "Białystok (miasto)", "konsultacje-spoleczne")
    finally:
        feature_store.forget()
