"""The benchmarks' clean-up deletes their cases in bulk SQL, and with them exactly what the
ORM's delete would (their links, moderation events, budget parts and projects) and their
history rows, leaving every other case and its rows as they were."""
import pytest

from bench.data import delete_cases
from practices.models import (
    BudgetPart,
    BudgetProject,
    ModerationEvent,
    Practice,
    PracticeLink,
)
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


def with_rows(case):
    PracticeLink.objects.create(practice=case, url="https://bip.example.pl/uchwala")
    ModerationEvent.objects.create(practice=case, action=ModerationEvent.Action.IMPORTED)
    part = BudgetPart.objects.create(practice=case, budget=1000, voters=10, file_name="bo.csv")
    BudgetProject.objects.create(practice=case, part=part, project_id="1", cost=500)
    return case


def rows_of(case_id):
    return {
        "links": PracticeLink.objects.filter(practice_id=case_id).count(),
        "events": ModerationEvent.objects.filter(practice_id=case_id).count(),
        "parts": BudgetPart.objects.filter(practice_id=case_id).count(),
        "projects": BudgetProject.objects.filter(practice_id=case_id).count(),
        "history": Practice.history.filter(id=case_id).count(),
    }


def test_the_bulk_delete_removes_the_cases_with_their_rows_and_nothing_else():
    elk = make_municipality("2807011", "Ełk", 22.3, 53.8)
    gone = [with_rows(make_practice(elk, slug=f"bench-test-{n}")) for n in range(2)]
    kept = with_rows(make_practice(elk, slug="kept"))
    kept_rows = rows_of(kept.pk)
    assert kept_rows["history"] >= 1

    deleted = delete_cases(Practice.objects.filter(slug__startswith="bench-test-"))

    assert deleted == 2
    assert list(Practice.objects.values_list("pk", flat=True)) == [kept.pk]
    for case in gone:
        assert rows_of(case.pk) == {"links": 0, "events": 0, "parts": 0, "projects": 0,
                                    "history": 0}
    assert rows_of(kept.pk) == kept_rows
