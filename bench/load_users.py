"""The simulated visitors of `python -m bench load` (bench/load.py), run by locust in its own
process; never imported by the site or by bench itself (locust patches the standard library
with gevent on import).

Each user keeps a constant pace (LOAD_PACE requests a second), so the offered rate is
users x pace whatever the answers' speed. The mix, by weight, follows what the map asks for
today: the map page 2, its markers (/api/points/) with random valid filters 3 (half of them
whole collections, as on a first visit), its facet and choropleth counts (/api/stats/) 2, a
page of the case list 1, the gmina boundaries 1, a vector tile over the region 1, a case
page 2 (each doubled below, to leave room for the smallest weight), and a trickle of member
submissions 1 (about one request in 26).
The cases, tools and places come from the JSON file named by MAPA_LOAD_DATA; so does the
signed-in member (an approved account bench/load.py makes, its session cookie under "member"),
whose task uses a client of its own, so the visitors' requests stay anonymous.
"""
import json
import math
import os
import random
import re

from locust import HttpUser, constant_throughput, task
from locust.clients import HttpSession

DATA = json.loads(open(os.environ["MAPA_LOAD_DATA"], encoding="utf-8").read())
PACE = float(os.environ.get("LOAD_PACE", "1"))
WORDS = ("budżet", "konsultacje", "park", "szkoła", "referendum", "Ełk", "droga")
SUBMIT_ONE_IN = 10  # member tasks that send the draft for moderation (then start a new one)
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUBMISSION = re.compile(r"/moje-praktyki/([0-9]+)/")


def csrf_token(answer):
    """The CSRF token of the form on a page, as a browser would send it back."""
    found = CSRF_INPUT.search(answer.text)
    if found is None:
        answer.failure("no CSRF token in the form page")
        return ""
    return found.group(1)


def case_filters(rng):
    """A random selection of valid case filters (each present with some probability)."""
    params = {}
    if rng.random() < 0.4:
        params["tool"] = ",".join(rng.sample(DATA["tools"], rng.randint(1, 3)))
    if rng.random() < 0.3:
        start = rng.randint(2014, 2026)
        params["year_from"], params["year_to"] = start, rng.randint(start, 2026)
    if rng.random() < 0.3:
        params["voivodeship"] = rng.choice(DATA["voivodeships"])
    if rng.random() < 0.2:
        lon, lat = rng.uniform(19.5, 23.5), rng.uniform(53.0, 54.3)
        params["bbox"] = f"{lon:.3f},{lat:.3f},{lon + 0.5:.3f},{lat + 0.4:.3f}"
    if rng.random() < 0.15:
        params["q"] = rng.choice(WORDS)
    return params


def tile_of(lon, lat, zoom):
    """The web-mercator tile (x, y) holding a point at a zoom level."""
    scale = 2 ** zoom
    x = int((lon + 180) / 360 * scale)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * scale)
    return x, y


class Visitor(HttpUser):
    wait_time = constant_throughput(PACE)
    member = None  # the member's own client (its session cookie), made on first use
    draft = None  # the pk of this user's draft as the member

    @task(4)
    def map_page(self):
        self.client.get("/", name="/ (map page)")

    @task(6)
    def markers(self):
        params = case_filters(random) if random.random() < 0.5 else {}
        self.client.get("/api/points/", params=params, name="/api/points/")

    @task(4)
    def counts(self):
        params = case_filters(random)
        params["by"] = random.choice(("tool", "municipality", "municipality,tool"))
        self.client.get("/api/stats/", params=params, name="/api/stats/")

    @task(2)
    def case_list(self):
        params = case_filters(random)
        params.update(limit=50, sort=random.choice(("title", "-year")))
        self.client.get("/api/practices/", params=params, name="/api/practices/ (page)")

    @task(2)
    def boundaries(self):
        self.client.get("/api/municipalities/", name="/api/municipalities/")

    @task(2)
    def tile(self):
        zoom = random.randint(7, 11)
        lon, lat = random.uniform(19.5, 23.8), random.uniform(52.8, 54.4)
        x, y = tile_of(lon, lat, zoom)
        params = case_filters(random)
        params.pop("bbox", None)  # a tile is its own box: the tiles refuse bbox (400)
        self.client.get(f"/tiles/practices/{zoom}/{x}/{y}.mvt", params=params,
                        name="/tiles/practices/{z}/{x}/{y}.mvt")

    @task(4)
    def case_page(self):
        self.client.get(f"/praktyki/{random.choice(DATA['slugs'])}/", name="/praktyki/<slug>/")

    @task(1)
    def member_submission(self):
        """A member's case form: the basics page (for its CSRF token), an autosave of what was
        typed, and one time in SUBMIT_ONE_IN the place and the sending for moderation."""
        if not DATA.get("member"):
            return
        client = self.member_client()
        if self.draft is None:
            with client.get("/moje-praktyki/nowa/", name="/moje-praktyki/nowa/",
                            catch_response=True) as page:
                token = csrf_token(page)
            with client.post("/moje-praktyki/nowa/", name="/moje-praktyki/nowa/ (POST)",
                             data={"csrfmiddlewaretoken": token, "tool": "budzet-obywatelski"},
                             allow_redirects=False, catch_response=True) as answer:
                found = SUBMISSION.search(answer.headers.get("Location", ""))
                if answer.status_code != 302 or found is None:
                    answer.failure(f"no new draft: HTTP {answer.status_code}")
                    return
                self.draft = found.group(1)
        base = f"/moje-praktyki/{self.draft}"
        with client.get(f"{base}/basics/", name="/moje-praktyki/<pk>/<step>/",
                        catch_response=True) as page:
            token = csrf_token(page)
        headers = {"X-CSRFToken": token}
        self.autosave(client, headers, "basics", {
            "title": f"Budżet obywatelski {random.randint(1, 999)}", "year": "2024",
            "summary": "Mieszkańcy wybrali projekty do realizacji.", "licence": "CC-BY-4.0",
        })
        if random.random() >= 1 / SUBMIT_ONE_IN:
            return
        place = random.choice(DATA["member"]["places"])
        self.autosave(client, headers, "place", {"municipality": place["teryt"],
                                                 "lon": place["lon"], "lat": place["lat"]})
        with client.post(f"{base}/preview/", name="/moje-praktyki/<pk>/preview/ (send)",
                         data={"csrfmiddlewaretoken": token, "action": "submit"},
                         allow_redirects=False, catch_response=True) as answer:
            # Sent: back to "my cases"; refused (an error in the data): the preview again.
            if not answer.headers.get("Location", "").endswith("/moje-praktyki/"):
                answer.failure(f"not sent for moderation: HTTP {answer.status_code}")
        self.draft = None

    def autosave(self, client, headers, step, fields):
        client.post(f"/moje-praktyki/{self.draft}/autosave/", json={"step": step, "fields": fields},
                    headers=headers, name="/moje-praktyki/<pk>/autosave/")

    def member_client(self):
        if self.member is None:
            self.member = HttpSession(base_url=self.host,
                                      request_event=self.environment.events.request, user=self)
            self.member.cookies.set(DATA["member"]["cookie"], DATA["member"]["session"])
        return self.member
