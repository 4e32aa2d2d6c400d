"""The moderation queue with 1,000 pending submissions: server time per page.

Builds, inside a transaction rolled back at the end, 1,000 submissions waiting for review
(900 new cases and 100 edits of published cases, over gminy of the register, with facts and
links), then times with Django's test client (the whole middleware stack, no network) the
queue's first and last page, a new case's page, an edit's page with its diff against the
published version, and a case's history. The fixtures are bulk-written (cases through
practices.moderation.record_import, submissions in bulk) so that building them takes seconds;
what is measured is the pages, not the service's per-call cost.

Target: the median of each page under TARGET_MS.
"""
import os
import random
import statistics
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.test import Client
from django.utils import timezone

from geodata.models import Municipality
from practices import moderation
from practices.models import ParticipationTool, Practice, Status, Submission

PENDING = 1_000
EDITS = 100
ROUNDS = 20
TARGET_MS = 200.0
SEED = 11


class _Rollback(Exception):
    pass


def _data(rng, teryt, number):
    return {
        "tool": "budzet-obywatelski", "title": f"Budżet obywatelski {number}",
        "year": str(rng.randint(2014, 2026)), "municipality": teryt,
        "summary": "Mieszkańcy zgłosili i wybrali projekty.",
        "description": "Opis **budżetu** " * 40,
        "facts": {"voters": str(rng.randint(100, 90_000)), "projects_submitted": "40"},
        "links": [{"kind": "source", "url": f"https://bip.example.pl/{number}",
                   "label": "Uchwała"}],
    }


def _build(gminy):
    rng = random.Random(SEED)
    user_model = get_user_model()
    author = user_model.objects.create_user("bench-author", "author@example.org")
    moderator = user_model.objects.create_user("bench-moderator", "mod@example.org")
    moderator.user_permissions.add(Permission.objects.get(codename="moderate_practice"))
    tool = ParticipationTool.objects.get(slug="budzet-obywatelski")
    places = dict(Municipality.objects.filter(teryt__in=gminy).values_list("teryt", "point"))
    datas = [_data(rng, rng.choice(gminy), number) for number in range(PENDING)]

    def case(data, number):
        return Practice(title=data["title"], slug=f"bench-moderation-{number}", tool=tool,
                        municipality_id=data["municipality"], year=int(data["year"]),
                        location=places[data["municipality"]], author=author,
                        summary=data["summary"], description=data["description"],
                        facts={"voters": 1, "projects_submitted": 40})

    cases = [case(data, number) for number, data in enumerate(datas)]
    moderation.record_import(cases[:EDITS], source="bench", status=Status.PUBLISHED)
    moderation.record_import(cases[EDITS:], source="bench", status=Status.SUBMITTED)
    now = timezone.now()
    Submission.objects.bulk_create([
        Submission(author=author, practice=practice, data=data, state=Submission.State.SUBMITTED,
                   submitted_at=now - timezone.timedelta(minutes=PENDING - number))
        for number, (practice, data) in enumerate(zip(cases, datas, strict=True))
    ])
    return moderator, cases


def _time(client, path):
    client.get(path)  # warm: templates compiled, connection's dictionaries loaded
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def run():
    gminy = list(Municipality.objects.values_list("teryt", flat=True)[:500])
    if not gminy:
        print("The register of gminy is empty: import the boundaries first.")
        return False
    results = []
    try:
        with transaction.atomic():
            started = time.monotonic()
            moderator, cases = _build(gminy)
            print(f"{PENDING} pending submissions ({EDITS} edits of published cases) built in "
                  f"{time.monotonic() - started:.1f} s; rolled back afterwards")
            client = Client(HTTP_HOST="localhost")
            client.force_login(moderator)
            queue = Submission.objects.filter(state=Submission.State.SUBMITTED).order_by(
                "submitted_at", "pk")
            edit, new = queue.filter(practice__status=Status.PUBLISHED).first(), queue.filter(
                practice__status=Status.SUBMITTED).first()
            last = -(-queue.count() // 50)
            pages = [
                ("queue, first page", "/moderacja/"),
                (f"queue, page {last} (last)", f"/moderacja/?page={last}"),
                ("a new case", f"/moderacja/{new.pk}/"),
                ("an edit with its diff", f"/moderacja/{edit.pk}/"),
                ("a case's history", f"/moderacja/praktyki/{edit.practice_id}/historia/"),
            ]
            for label, path in pages:
                results.append((label, *_time(client, path)))
            raise _Rollback
    except _Rollback:
        pass
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"{ROUNDS} requests per page, Django test client")
    met = True
    for label, median, p95 in results:
        ok = median < TARGET_MS
        met &= ok
        print(f"{label:28} median {median:6.1f} ms  p95 {p95:6.1f} ms  "
              f"(target < {TARGET_MS:.0f} ms) {'ok' if ok else 'MISS'}")
    print("targets met" if met else "TARGETS MISSED")
    return met
