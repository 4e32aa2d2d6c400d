"""The gminy's counts come from the counts the database keeps (PublishedCount): after any
write to the cases, however it is made, they equal the cases counted, and the answers read
from them are the answers counted from the cases."""
import pytest
from django.db import connection
from django.db.models import Count, Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practices import caching, stat_counts
from practices.filters import CaseFilters
from practices.models import ParticipationTool, Practice, PublishedCount, Status
from tests.factories import make_practice


def kept():
    return {(row.municipality_id, row.tool_id): (row.cases, row.samples)
            for row in PublishedCount.objects.filter(cases__gt=0)}


def counted():
    rows = (Practice.objects.filter(status=Status.PUBLISHED)
            .values("municipality_id", "tool_id")
            .annotate(cases=Count("id"), samples=Count("id", filter=Q(is_sample=True))))
    return {(row["municipality_id"], row["tool_id"]): (row["cases"], row["samples"])
            for row in rows}


def test_every_kind_of_write_is_counted(bialystok, elk):
    first = make_practice(bialystok)
    make_practice(bialystok, is_sample=True)
    draft = make_practice(elk, status=Status.DRAFT)
    assert kept() == counted() == {("2061011", first.tool_id): (2, 1)}
    Practice.objects.filter(pk=draft.pk).update(status=Status.PUBLISHED)  # published in bulk
    first.municipality = elk
    first.tool = ParticipationTool.objects.get(slug="konsultacje")
    first.save()
    assert kept() == counted()
    Practice.objects.filter(pk=first.pk).update(is_sample=True)
    Practice.objects.bulk_create([
        Practice(title=f"Nowy {n}", slug=f"nowy-{n}", tool=first.tool, municipality=bialystok,
                 year=2020, status=Status.PUBLISHED) for n in range(3)])
    assert kept() == counted()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM practices_practice WHERE slug = 'nowy-0'")
    Practice.objects.filter(pk=draft.pk).update(status=Status.REJECTED)
    first.delete()
    assert kept() == counted()
    assert sum(cases for cases, _samples in kept().values()) == 3


OPERATIONS = st.lists(st.tuples(
    st.sampled_from(["add", "publish", "unpublish", "move", "retool", "sample", "delete"]),
    st.integers(0, 5), st.booleans()), min_size=1, max_size=12)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_any_sequence_of_writes_leaves_the_counts_right(bialystok, elk, operations):
    gminy = [bialystok, elk]
    tools = list(ParticipationTool.objects.order_by("id")[:3])
    for operation, number, flag in operations:
        cases = list(Practice.objects.order_by("id"))
        case = cases[number % len(cases)] if cases else None
        if operation == "add" or case is None:
            make_practice(gminy[flag], tool_slug=tools[number % 3].slug, is_sample=flag,
                          status=Status.PUBLISHED if number % 2 else Status.DRAFT)
        elif operation == "publish":
            Practice.objects.filter(pk=case.pk).update(status=Status.PUBLISHED)
        elif operation == "unpublish":
            Practice.objects.filter(pk=case.pk).update(status=Status.DRAFT)
        elif operation == "move":
            Practice.objects.filter(pk=case.pk).update(municipality=gminy[flag])
        elif operation == "retool":
            Practice.objects.filter(pk=case.pk).update(tool=tools[number % 3])
        elif operation == "sample":
            Practice.objects.filter(pk=case.pk).update(is_sample=flag)
        else:
            Practice.objects.filter(pk=case.pk).delete()
        assert kept() == counted()


@pytest.fixture
def without_kept_counts(monkeypatch):
    """The same requests answered by counting the cases."""
    def answer(api, path, params):
        monkeypatch.setattr(stat_counts, "kept_counts", lambda filters: None)
        caching.forget_compiled()
        try:
            return api.get(path, params).content
        finally:
            monkeypatch.undo()
            caching.forget_compiled()
    return answer


@pytest.mark.parametrize("path, params", [
    ("/api/municipalities/", {}),
    ("/api/municipalities/", {"voivodeship": "20"}),
    ("/api/municipalities/", {"tool": "konsultacje,budzet-obywatelski", "county": "2061"}),
    ("/api/municipalities/2061011/", {"tool": "konsultacje"}),
    ("/api/stats/", {"by": "municipality,tool"}),
    ("/api/stats/", {"by": "municipality,tool", "voivodeship": "20,28"}),
    ("/api/stats/", {"by": "tool"}),
    ("/api/stats/", {"by": "voivodeship,tool", "tool": "konsultacje"}),
    ("/api/stats/", {"by": "tool", "year_from": "2021"}),  # by year: the cases are counted
    ("/ogc/collections/municipalities/items", {"limit": "3", "tool": "konsultacje"}),
    ("/ogc/collections/municipalities/items", {"datetime": "2021/.."}),
])
def test_answers_from_the_kept_counts_are_the_counted_ones(
        api, bialystok, elk, suprasl, without_kept_counts, path, params):
    gminy = [bialystok, bialystok, elk, suprasl, elk, bialystok, bialystok]
    for number, gmina in enumerate(gminy):
        make_practice(gmina, tool_slug="konsultacje" if number % 2 else "budzet-obywatelski",
                      year=2019 + number, is_sample=number == 3)
    make_practice(elk, status=Status.DRAFT)
    assert kept() == counted()
    answer = api.get(path, params).content
    assert answer == without_kept_counts(api, path, params)
    assert b'"count' in answer or b'"practice_count"' in answer


def test_a_selection_by_year_bbox_or_text_is_not_read_from_the_kept_counts(db):
    kept_counts = stat_counts.kept_counts
    assert kept_counts(CaseFilters.parse({"voivodeship": "20", "tool": "konsultacje"})) is not None
    for params in ({"year": "2020"}, {"year_to": "2020"}, {"bbox": "22,53,23,54"},
                   {"q": "park"}):
        assert kept_counts(CaseFilters.parse(params)) is None


def test_a_truncate_of_the_cases_empties_the_kept_counts(bialystok, elk):
    make_practice(bialystok)
    make_practice(elk, is_sample=True)
    assert kept()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks: TRUNCATE may run
        cursor.execute("TRUNCATE practices_practice CASCADE")
    assert kept() == counted() == {}


# With no pending checks, so that ALTER may run.
DISABLE = ("SET CONSTRAINTS ALL IMMEDIATE;"
           " ALTER TABLE practices_practice DISABLE TRIGGER practices_published_count")
ENABLE = ("SET CONSTRAINTS ALL IMMEDIATE;"
          " ALTER TABLE practices_practice ENABLE TRIGGER practices_published_count")


@pytest.fixture
def counting_trigger_disabled():
    """The row trigger that keeps the counts switched off, as for a bulk load."""
    from practices import feature_store

    with connection.cursor() as cursor:
        cursor.execute(DISABLE)
    feature_store.forget()
    yield
    with connection.cursor() as cursor:
        cursor.execute(ENABLE)
    feature_store.forget()


@pytest.mark.parametrize("path, params", [
    ("/api/municipalities/", {"voivodeship": "20,28"}),
    ("/api/stats/", {"by": "municipality,tool"}),
])
def test_with_the_counting_trigger_disabled_the_cases_are_counted(
        api, bialystok, elk, without_kept_counts, counting_trigger_disabled, path, params):
    make_practice(bialystok)
    make_practice(elk, tool_slug="konsultacje")
    assert kept() != counted()  # the kept counts fell behind
    answer = api.get(path, params).content
    assert answer == without_kept_counts(api, path, params)
    assert b'"konsultacje"' in answer


def test_recount_cases_puts_the_counts_right_after_the_trigger_was_disabled(bialystok, elk):
    from io import StringIO

    from django.core.management import CommandError, call_command

    from practices import feature_store

    make_practice(bialystok)
    with connection.cursor() as cursor:
        cursor.execute(DISABLE)
    feature_store.forget()
    try:
        make_practice(elk, tool_slug="konsultacje")
        make_practice(bialystok, is_sample=True)
        with pytest.raises(CommandError, match="disabled: enable them first"):
            call_command("recount_cases")
        with connection.cursor() as cursor:
            cursor.execute(ENABLE)
        assert kept() != counted()
        out = StringIO()
        call_command("recount_cases", stdout=out)
        assert "Corrected the counts of 2 gmina and tool pairs." in out.getvalue()
        assert kept() == counted()
        call_command("recount_cases", stdout=out)
        assert "nothing changed" in out.getvalue()
    finally:
        feature_store.forget()
