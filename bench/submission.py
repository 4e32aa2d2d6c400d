"""The members' case form: server time of each step's GET and POST, of the autosave, the
gmina search and the submission to moderation, for a signed-in, approved member.

Runs in-process through Django's test client (so the times are the server's: routing,
middleware, views, queries and templates, no network), against the database in .env, inside
one transaction rolled back at the end: nothing stays. Each figure is the median and the
slowest of ROUNDS requests, after one warm-up.

Target: every request under TARGET_MS.
"""
import json
import logging
import os
import statistics
import time

from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from geodata.models import Municipality

ROUNDS = 20
TARGET_MS = 200.0


class _Rollback(Exception):
    pass


def _timed(call):
    start = time.perf_counter()
    response = call()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code >= 400:
        raise RuntimeError(f"HTTP {response.status_code}: {response.content[:300]!r}")
    return elapsed


def _measure(name, call, results):
    call()  # warm-up: templates compiled, caches filled
    times = [_timed(call) for _ in range(ROUNDS)]
    results.append((name, statistics.median(times), max(times)))


def run():
    gmina = Municipality.objects.values("teryt", "name").order_by("teryt").first()
    if gmina is None:
        print("The register of gminy is empty: import the boundaries first.")
        return False
    logging.getLogger("mapa.requests").setLevel(logging.WARNING)
    results = []
    try:
        # The rate limit on submissions (10 an hour) would refuse the rounds of the submit.
        with transaction.atomic(), override_settings(MAPA_SUBMIT_RATE="1000/h"):
            _run(gmina, results)
            raise _Rollback
    except _Rollback:
        pass
    print(f"{ROUNDS} requests each after a warm-up; Django test client in-process; "
          f"database rolled back")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    width = max(len(name) for name, *_ in results)
    for name, median, slowest in results:
        mark = "ok" if median < TARGET_MS else "MISS"
        print(f"  {name:<{width}}  median {median:6.1f} ms  slowest {slowest:6.1f} ms  {mark}")
    met = all(median < TARGET_MS for _name, median, _slowest in results)
    print(f"target: median under {TARGET_MS:.0f} ms per request: "
          + ("met" if met else "MISSED"))
    return met


def _run(gmina, results):
    from django.contrib.auth import get_user_model

    from practices.models import Profile, Submission

    user = get_user_model().objects.create_user("bench-wizard", "bench@example.org", "x")
    Profile.objects.create(user=user, approved_at=timezone.now())
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    submission = Submission.objects.create(author=user, data={"tool": "budzet-obywatelski"})
    point = Municipality.objects.get(teryt=gmina["teryt"]).point
    posts = {
        "tool": {"tool": "budzet-obywatelski"},
        "basics": {"title": "Budżet obywatelski 2024", "year": "2024", "summary": "Krótko.",
                   "description": "**Opis** " * 200, "licence": "CC-BY-4.0"},
        "facts": {"facts-amount_pln": "1 500 000,50", "facts-projects_submitted": "40",
                  "facts-projects_voted": "30", "facts-projects_selected": "12"},
        "place": {"municipality": gmina["teryt"], "lon": str(point.x), "lat": str(point.y)},
        "sources": {"links-TOTAL_FORMS": "2", "links-INITIAL_FORMS": "0",
                    "links-0-kind": "source", "links-0-url": "https://bip.example.pl/1",
                    "links-0-label": "Uchwała", "links-1-kind": "link", "links-1-url": "",
                    "links-1-label": ""},
    }

    def url(step):
        return reverse("members:step", args=[submission.pk, step])

    _measure("GET my cases", lambda: client.get(reverse("members:cases")), results)
    _measure("GET new case (tool)", lambda: client.get(reverse("members:new")), results)
    for step, values in posts.items():
        _measure(f"GET {step}", lambda step=step: client.get(url(step)), results)
        _measure(f"POST {step} (next)", lambda step=step, values=values: client.post(
            url(step), {**values, "action": "next"}), results)
    _measure("GET preview", lambda: client.get(url("preview")), results)
    body = json.dumps({"step": "basics", "fields": posts["basics"]})
    _measure("POST autosave (basics)", lambda: client.post(
        reverse("members:autosave", args=[submission.pk]), body,
        content_type="application/json"), results)
    _measure("GET gmina search 'suprasl'", lambda: client.get(
        reverse("members:gmina-search"), {"q": "suprasl"}), results)
    _measure("GET gmina search '20'", lambda: client.get(
        reverse("members:gmina-search"), {"q": "20"}), results)
    _measure("GET gmina at a point", lambda: client.get(
        reverse("members:gmina-at"), {"lon": point.x, "lat": point.y}), results)
    _measure("POST submit (new draft each)", lambda: _submit_fresh(client, user, submission),
             results)


def _submit_fresh(client, user, template):
    from practices.models import Submission

    fresh = Submission.objects.create(author=user, data=dict(
        Submission.objects.get(pk=template.pk).data))
    return client.post(reverse("members:step", args=[fresh.pk, "preview"]),
                       {"action": "submit"})
