"""record_import: the status of imported and sample cases, with versions and events, in bulk."""
from practices import moderation
from practices.models import ModerationEvent, Practice, Status
from tests.factories import tool


def test_new_cases_are_created_in_bulk_with_their_status_versions_and_events(bialystok):
    cases = [Practice(title=f"Case {n}", slug=f"case-{n}", tool=tool(), municipality=bialystok,
                      year=2024, location=bialystok.point) for n in range(3)]

    created = moderation.record_import(cases, source="siec-2026", status=Status.PUBLISHED)

    assert [case.status for case in Practice.objects.order_by("slug")] == ["published"] * 3
    assert all(case.published_at for case in Practice.objects.all())
    assert sorted(event.practice_id for event in ModerationEvent.objects.all()) == sorted(
        case.pk for case in created)
    event = ModerationEvent.objects.first()
    assert (event.action, event.source, event.to_status, event.actor) == (
        "imported", "siec-2026", "published", None)
    assert {case.history.count() for case in Practice.objects.all()} == {1}


def test_an_existing_case_gets_an_event_only_when_its_status_changes(bialystok):
    case = moderation.record_import(
        Practice(title="Case", slug="case", tool=tool(), municipality=bialystok, year=2024),
        source="pabulib", status=Status.SUBMITTED)
    moderation.record_import(case, source="pabulib", status=Status.SUBMITTED)
    moderation.record_import(case, source="pabulib", status=Status.PUBLISHED)

    assert list(ModerationEvent.objects.order_by("pk").values_list(
        "from_status", "to_status")) == [("", "submitted"), ("submitted", "published")]
    assert Practice.objects.get().status == Status.PUBLISHED
