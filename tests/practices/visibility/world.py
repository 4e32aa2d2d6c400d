"""The world of the visibility matrix: one published case and one case of each non-public
status, each in a gmina of its own, all by the same author, plus a held edit of the published
case.

    Jawnów    2061011  the published case P (2024)                  square from (23.1, 53.1)
    Szkicowo  2061022  the draft (2025)                             square from (23.3, 53.1)
    ...                one gmina per status, 0.2° apart eastwards

The hidden cases are built to be counted wherever P is: same tool, a year inside the
ranking's window, and gminy of their own, so a leak shows as a count above zero for their
gmina (or a year 2025 with cases) even where titles are not shown. Titles and the held
edit's text have Polish letters, which every answer writes unescaped.
"""
from dataclasses import dataclass, field

from django.contrib.auth.models import Permission

from practices.models import Practice, PracticeLink, Status, Submission
from tests.factories import make_municipality, make_practice

TOOL = "budzet-obywatelski"
PUBLIC_YEAR = 2024
HIDDEN_YEAR = 2025
HIDDEN_STATUSES = (Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.REJECTED,
                   Status.ARCHIVED)
GMINY = {
    Status.PUBLISHED: ("2061011", "Jawnów"),
    Status.DRAFT: ("2061022", "Szkicowo"),
    Status.SUBMITTED: ("2061032", "Zgłoszeniów"),
    Status.CHANGES_REQUESTED: ("2061042", "Poprawkowo"),
    Status.REJECTED: ("2061052", "Odrzucin"),
    Status.ARCHIVED: ("2061062", "Archiwów"),
}
# The held edit's text: no route may show it, to anyone.
HELD = "Zmiana czekająca na moderację ĆMA"
ROLES = ("anonymous", "author", "other_member", "moderator")


@dataclass
class World:
    users: dict
    public: Practice
    hidden: dict  # status -> Practice
    submission: Submission
    gminy: dict = field(default_factory=dict)  # status -> Municipality

    @property
    def cases(self):
        return [self.public, *self.hidden.values()]

    def may_see_own_page(self, role, case):
        """The rule of a case's own page (practices.domain.querysets.visible_to)."""
        return case.status == Status.PUBLISHED or role in ("author", "moderator")


def build():
    from django.contrib.auth import get_user_model

    users_model = get_user_model()
    author = users_model.objects.create_user("alice", "alice@example.org", "alice-password")
    other = users_model.objects.create_user("bob", "bob@example.org", "bob-password")
    moderator = users_model.objects.create_user("charlie", "charlie@example.org", "charlie-pw")
    moderator.user_permissions.add(Permission.objects.get(codename="moderate_practice"))
    gminy, cases = {}, {}
    for index, (status, (teryt, name)) in enumerate(GMINY.items()):
        gminy[status] = make_municipality(
            teryt, name, lon=23.1 + 0.2 * index, lat=53.1, eligible_voters=10_000,
            eligible_voters_year=2025, eligible_voters_source="PKW",
        )
        public = status == Status.PUBLISHED
        title = ("Praktyka jawna w Jawnowie żółw" if public
                 else f"Praktyka ukryta {status} źdźbło")
        cases[status] = make_practice(
            gminy[status], TOOL, year=PUBLIC_YEAR if public else HIDDEN_YEAR, title=title,
            slug="praktyka-jawna" if public else f"ukryta-{status.replace('_', '-')}",
            status=status, author=author, summary=f"Streszczenie: {title}",
        )
        PracticeLink.objects.create(practice=cases[status], url=f"https://bip.example.org/{index}",
                                    label=f"Uchwała {title}")
    public = cases.pop(Status.PUBLISHED)
    submission = Submission.objects.create(
        author=author, practice=public, state=Submission.State.SUBMITTED,
        data={"tool": TOOL, "title": HELD, "summary": HELD, "description": HELD,
              "year": "2023", "organiser": HELD, "municipality": public.municipality_id,
              "links": [{"kind": "source", "url": "https://held.example.org/", "label": HELD}]},
    )
    return World(
        users={"anonymous": None, "author": author, "other_member": other,
               "moderator": users_model.objects.get(pk=moderator.pk)},
        public=public, hidden=cases, submission=submission, gminy=gminy,
    )
