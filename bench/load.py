"""A bounded load test of the production-like server (issue 11 §7).

Loads CASES synthetic published cases over the default region's gminy (importing the NE
boundaries first if the register lacks them), serves the site on gunicorn on a free
127.0.0.1 port (DEBUG off, WORKERS sync workers with THREADS threads each: the 2-core machine's
cores, with threads to overlap database waits), and runs locust headless (bench/load_users.py:
the map page and what its scripts ask for with random valid filters: markers, counts, list
pages, boundaries and vector tiles; case pages; a trickle of member submissions from an
approved member the bench signs in: drafts autosaved and now and then sent for moderation) at
rising offered
rates, STEP_SECONDS each. Every step reports requests/s served, p50/p95/p99 latency and
errors; stepping stops at the first rate that misses the target (p95 under P95_TARGET_MS and
no error). The answer is the highest rate that met it. The cases, the member with their
submissions and cases, and any gminy the bench imported, are removed afterwards.

locust runs on the same two cores as the server, so the figures are a floor for a server with
the machine to itself.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings

from bench.data import free_port, remove_added
from bench.web import ensure_boundaries

CASES = 2_000
SLUG_PREFIX = "bench-load-"
RATES = (5, 10, 20, 40, 60, 80, 100, 130, 160)  # offered requests per second
STEP_SECONDS = 15
PACE = 2.0  # requests a second per simulated user
P95_TARGET_MS = 200.0
WORKERS, THREADS = 2, 4
MEMBER = "bench-load-member"
MEMBER_EMAIL = "bench-load-member@example.invalid"
# The one bench member stands for many members: their per-member cap on open submissions and
# their submission rate limit are lifted for the bench's server.
MEMBER_LIMITS = {"MAPA_MAX_OPEN_SUBMISSIONS": "1000", "MAPA_SUBMIT_RATE": "100000/h"}


def run():
    from practices.domain.tools import load_tools
    from practices.models import ParticipationTool

    load_tools(ParticipationTool)
    added = ensure_boundaries()
    server, member = None, {}
    try:
        slugs = load_cases()
        member = signed_in_member()
        server = Server()
        return measure(server, slugs, member)
    finally:
        if server:
            server.stop()
        remove_member(member.get("session"))
        remove_added(SLUG_PREFIX, added)


def signed_in_member():
    """An approved member with a confirmed address and a session (no password: nobody signs
    in as them), for the load's member task: the session cookie and a few places."""
    from importlib import import_module

    from allauth.account.models import EmailAddress
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.utils import timezone

    from geodata.models import Municipality
    from practices.models import Profile

    remove_member()
    user = get_user_model().objects.create_user(MEMBER, MEMBER_EMAIL)
    EmailAddress.objects.create(user=user, email=MEMBER_EMAIL, verified=True, primary=True)
    Profile.objects.create(user=user, approved_at=timezone.now())
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    gminy = Municipality.objects.filter(
        voivodeship_id__in=settings.MAPA_DEFAULT_REGION).order_by("teryt")[:50]
    return {"cookie": settings.SESSION_COOKIE_NAME, "session": session.session_key,
            "places": [{"teryt": g.teryt, "lon": f"{g.point.x:.5f}", "lat": f"{g.point.y:.5f}"}
                       for g in gminy]}


def remove_member(session_key=None):
    """The bench member, their submissions, the cases they sent (with their history) and
    their session (one left by a killed run only names a deleted user, and expires)."""
    from importlib import import_module

    from django.contrib.auth import get_user_model

    from practices.models import Practice

    if session_key:
        import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key).delete()
    user = get_user_model().objects.filter(username=MEMBER).first()
    if user is None:
        return
    cases = list(Practice.objects.filter(author=user).values_list("pk", flat=True))
    Practice.objects.filter(pk__in=cases).delete()
    Practice.history.filter(id__in=cases).delete()
    user.delete()  # with their submissions, profile and address
    print(f"Removed the bench member and {len(cases)} cases they sent.", flush=True)


def load_cases():
    """CASES published cases (flagged as samples) over the region's gminy; their slugs."""
    import random

    from geodata.models import Municipality
    from practices.models import ParticipationTool, Practice, Status

    Practice.objects.filter(slug__startswith=SLUG_PREFIX).delete()
    gminy = list(Municipality.objects.filter(voivodeship_id__in=settings.MAPA_DEFAULT_REGION)
                 .only("teryt", "name", "point"))
    tools = list(ParticipationTool.objects.all())
    rng = random.Random(2000)
    Practice.objects.bulk_create([
        Practice(
            title=f"Przypadek obciążeniowy {number}: budżet, park i szkoła w gminie {gmina.name}",
            slug=f"{SLUG_PREFIX}{number}", tool=rng.choice(tools), municipality=gmina,
            year=rng.randint(2014, 2026), location=gmina.point, status=Status.PUBLISHED,
            summary="Mieszkańcy zgłosili projekty; konsultacje trwały miesiąc.",
            is_sample=True,  # a run killed before clean-up leaves data that says it is made up
        )
        for number, gmina in ((n, gminy[n % len(gminy)]) for n in range(CASES))
    ], batch_size=1000)
    print(f"Loaded {CASES:,} published cases over {len(gminy)} gminy.", flush=True)
    return [f"{SLUG_PREFIX}{number}" for number in range(0, CASES, 7)]


class Server:
    """gunicorn as deployed: DEBUG off, static files through whitenoise."""

    def __init__(self):
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        env = {**os.environ, "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "mapa.settings",
               **MEMBER_LIMITS}
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "mapa.wsgi:application",
             "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--threads",
             str(THREADS), "--timeout", "60", "--log-level", "warning"],
            cwd=settings.BASE_DIR, env=env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        else:
            self.stop()
            raise RuntimeError("gunicorn did not start")
        # Warm every worker's connection (the Polish dictionary loads on a connection's first
        # search) and cache before measuring.
        for path in ("/", "/api/points/", "/api/stats/?by=tool", "/api/municipalities/",
                     "/api/practices/?q=park&limit=50", "/tiles/practices/8/145/82.mvt"):
            for _ in range(WORKERS * THREADS):
                urllib.request.urlopen(self.url + path, timeout=30).read()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=15)


def step(server, rate, data_file, work):
    """One locust run at `rate` offered requests/s: the aggregated row of its statistics."""
    users = max(1, round(rate / PACE))
    prefix = Path(work) / f"rate{rate}"
    env = {**os.environ, "MAPA_LOAD_DATA": str(data_file), "LOAD_PACE": str(PACE)}
    subprocess.run(
        [str(Path(sys.executable).with_name("locust")), "-f",
         str(Path(__file__).with_name("load_users.py")), "--headless", "--host", server.url,
         "-u", str(users), "-r", str(users), "--run-time", f"{STEP_SECONDS}s",
         "--stop-timeout", "5", "--csv", str(prefix), "--only-summary", "--loglevel",
         "WARNING"],
        env=env, capture_output=True, text=True, timeout=STEP_SECONDS + 60,
    )
    with open(f"{prefix}_stats.csv", newline="") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    return rows


def measure(server, slugs, member):
    from practices.models import ParticipationTool

    data = {"slugs": slugs, "tools": list(ParticipationTool.objects.values_list("slug", flat=True)),
            "voivodeships": list(settings.MAPA_DEFAULT_REGION), "member": member}
    best = None
    print(f"\n{CASES:,} cases, gunicorn {WORKERS} workers x {THREADS} threads, locust on the "
          f"same machine, {STEP_SECONDS} s a step:")
    print(f"  {'offered':>8} {'served/s':>9} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
          f"{'requests':>9} {'errors':>7}")
    with tempfile.TemporaryDirectory(prefix="mapa-load-") as work:
        data_file = Path(work) / "data.json"
        data_file.write_text(json.dumps(data))
        for rate in RATES:
            rows = step(server, rate, data_file, work)
            total = rows["Aggregated"]
            served = float(total["Requests/s"])
            p50, p95, p99 = (float(total[k]) for k in ("50%", "95%", "99%"))
            requests, errors = int(total["Request Count"]), int(total["Failure Count"])
            ok = errors == 0 and p95 < P95_TARGET_MS and requests > 0
            print(f"  {rate:>8} {served:>9.1f} {p50:>7.0f} {p95:>7.0f} {p99:>7.0f} "
                  f"{requests:>9} {errors:>7}  {'ok' if ok else 'MISSED'}", flush=True)
            if not ok:
                for name, row in rows.items():
                    if name != "Aggregated":
                        print(f"      {name:<26} p95 {float(row['95%']):>6.0f} ms, "
                              f"{row['Failure Count']} errors")
                break
            best = (rate, served, p95)
    if best is None:
        print(f"  Target missed at the lowest rate ({RATES[0]}/s).")
        return False
    print(f"  Highest rate with p95 under {P95_TARGET_MS:.0f} ms and no error: {best[0]}/s "
          f"offered, {best[1]:.1f}/s served (p95 {best[2]:.0f} ms).")
    return True
