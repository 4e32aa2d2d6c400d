"""manage.py load_samples: at least 200 published, flagged, valid sample cases across the
default region, every tool in every year 2014-2026; reproducible; removable. (Its refusals
are in test_load_samples_refused.py: these tests share one run of the command.)"""
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from practices.domain.facts import validate_facts
from practices.domain.tools import TOOLS
from practices.models import Practice, Status
from tests.conftest import load_ne_boundaries
from tests.factories import make_practice

pytestmark = pytest.mark.usefixtures("english")


def load(*args):
    out = StringIO()
    call_command("load_samples", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The NE boundaries and the output of one run of load_samples (260 cases, the slow part),
    made once for the module in a transaction its tests share: each test runs in a savepoint
    (`db`) that rolls its own changes back. The whole is rolled back at the module's end."""
    from django.db import transaction
    from django.utils import translation

    with django_db_blocker.unblock(), transaction.atomic(), translation.override("en"):
        load_ne_boundaries()
        yield load()
        transaction.set_rollback(True)


def snapshot():
    return {
        p["slug"]: p for p in Practice.objects.values(
            "slug", "title", "summary", "facts", "year", "updated_at", "municipality_id",
            "location",
        )
    }


def test_it_creates_valid_published_samples_for_every_tool_and_year(loaded, db):
    assert "260 created" in loaded
    samples = Practice.objects.select_related("tool", "municipality")
    assert samples.count() >= 200
    assert set(samples.values_list("status", flat=True)) == {Status.PUBLISHED}
    assert set(samples.values_list("is_sample", flat=True)) == {True}
    pairs = set(samples.values_list("tool__slug", "year"))
    assert pairs == {(tool["slug"], year) for tool in TOOLS for year in range(2014, 2027)}
    for sample in samples:
        assert sample.summary.startswith("[Przykład] ")
        assert sample.slug.startswith("przyklad-")
        assert sample.municipality.voivodeship_id in ("20", "28")
        assert sample.municipality.boundary.intersects(sample.location)
        assert validate_facts(sample.tool.slug, sample.facts) == sample.facts
        sample.full_clean()
    assert max(Counter(samples.values_list("municipality_id", flat=True)).values()) < 30


def test_a_second_run_changes_nothing(loaded, db):
    before = snapshot()
    assert "0 created, 0 updated, 260 unchanged" in load()
    assert snapshot() == before


def test_delete_removes_only_samples(loaded, ne_boundaries):
    real = make_practice(ne_boundaries.first(), title="Prawdziwy przypadek")
    assert "Deleted 260 sample cases." in load("--delete")
    assert list(Practice.objects.all()) == [real]


def test_a_real_case_holding_a_samples_slug_is_left_alone(loaded, db):
    sample = Practice.objects.filter(is_sample=True).first()
    Practice.objects.filter(pk=sample.pk).update(is_sample=False, title="Prawdziwy")
    assert "259 unchanged" in load()
    assert Practice.objects.get(pk=sample.pk).title == "Prawdziwy"
    load("--delete")
    assert list(Practice.objects.values_list("title", flat=True)) == ["Prawdziwy"]

