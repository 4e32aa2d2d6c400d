"""The simulated visitors of `python -m bench load` (bench/load.py), run by locust in its own
process; never imported by the site or by bench itself (locust patches the standard library
with gevent on import).

Each user keeps a constant pace (LOAD_PACE requests a second), so the offered rate is
users x pace whatever the answers' speed. The mix, by weight, follows what the map asks for
today: the map page 2, its markers (/api/points/) with random valid filters 3 (half of them
whole collections, as on a first visit), its facet and choropleth counts (/api/stats/) 2, a
page of the case list 1, the gmina boundaries 1, a vector tile over the region 1, a case
page 2.
The cases, tools and places come from the JSON file named by MAPA_LOAD_DATA.
"""
import json
import math
import os
import random

from locust import HttpUser, constant_throughput, task

DATA = json.loads(open(os.environ["MAPA_LOAD_DATA"], encoding="utf-8").read())
PACE = float(os.environ.get("LOAD_PACE", "1"))
WORDS = ("budżet", "konsultacje", "park", "szkoła", "referendum", "Ełk", "droga")


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

    @task(2)
    def map_page(self):
        self.client.get("/", name="/ (map page)")

    @task(3)
    def markers(self):
        params = case_filters(random) if random.random() < 0.5 else {}
        self.client.get("/api/points/", params=params, name="/api/points/")

    @task(2)
    def counts(self):
        params = case_filters(random)
        params["by"] = random.choice(("tool", "municipality", "municipality,tool"))
        self.client.get("/api/stats/", params=params, name="/api/stats/")

    @task(1)
    def case_list(self):
        params = case_filters(random)
        params.update(limit=50, sort=random.choice(("title", "-year")))
        self.client.get("/api/practices/", params=params, name="/api/practices/ (page)")

    @task(1)
    def boundaries(self):
        self.client.get("/api/municipalities/", name="/api/municipalities/")

    @task(1)
    def tile(self):
        zoom = random.randint(7, 11)
        lon, lat = random.uniform(19.5, 23.8), random.uniform(52.8, 54.4)
        x, y = tile_of(lon, lat, zoom)
        self.client.get(f"/tiles/practices/{zoom}/{x}/{y}.mvt", params=case_filters(random),
                        name="/tiles/practices/{z}/{x}/{y}.mvt")

    @task(2)
    def case_page(self):
        self.client.get(f"/praktyki/{random.choice(DATA['slugs'])}/", name="/praktyki/<slug>/")
