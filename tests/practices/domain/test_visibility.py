"""One rule decides who sees which case: published() for the public, visible_to(user) for
the cast (anonymous, member alice, other_member bob, moderator charlie)."""
import pytest

from practices.models import Practice, Status
from tests.factories import make_practice

HIDDEN = [Status.DRAFT, Status.SUBMITTED, Status.REJECTED, Status.ARCHIVED]


@pytest.mark.parametrize("status", HIDDEN)
def test_a_case_that_is_not_published_is_never_public(bialystok, status):
    make_practice(bialystok, title="Published one")
    make_practice(bialystok, title="Hidden one", status=status)
    assert list(Practice.objects.published().values_list("title", flat=True)) == [
        "Published one"
    ]
    assert list(Practice.objects.published().search("Hidden one")) == []


@pytest.fixture
def cases(bialystok, member, other_member):
    make_practice(bialystok, title="Public")
    make_practice(bialystok, title="Alice draft", status=Status.DRAFT, author=member)
    make_practice(bialystok, title="Alice rejected", status=Status.REJECTED, author=member)
    make_practice(bialystok, title="Bob submitted", status=Status.SUBMITTED, author=other_member)
    make_practice(bialystok, title="Archived", status=Status.ARCHIVED)


@pytest.mark.parametrize(
    ("viewer", "titles"),
    [
        ("anonymous", {"Public"}),
        ("member", {"Public", "Alice draft", "Alice rejected"}),
        ("other_member", {"Public", "Bob submitted"}),
        ("moderator", {"Public", "Alice draft", "Alice rejected", "Bob submitted", "Archived"}),
    ],
)
def test_each_member_of_the_cast_sees_what_the_policy_allows(cases, request, viewer, titles):
    user = request.getfixturevalue(viewer)
    visible = Practice.objects.visible_to(user).values_list("title", flat=True)
    assert set(visible) == titles


def test_no_user_sees_only_published_cases(cases):
    assert set(Practice.objects.visible_to(None).values_list("title", flat=True)) == {"Public"}


def test_staff_see_every_status(cases, django_user_model):
    staff = django_user_model.objects.create_user("dora", is_staff=True)
    assert Practice.objects.visible_to(staff).count() == 5
