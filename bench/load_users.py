"""The simulated visitors of `python -m bench load` (bench/load.py), run by locust in its own
process; never imported by the site or by bench itself (locust patches the standard library
with gevent on import).

Each user keeps a constant pace (LOAD_PACE requests a second), so the offered rate is
users x pace whatever the answers' speed. The mix, by weight: the map page 2, the case list
with random valid filters 4 (half of them whole collections, as the map's first request),
the gmina choropleth with random filters 2, a case page 2.
The cases, tools and places come from the JSON file named by MAPA_LOAD_DATA.
"""
import json
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


class Visitor(HttpUser):
    wait_time = constant_throughput(PACE)

    @task(2)
    def map_page(self):
        self.client.get("/", name="/ (map page)")

    @task(4)
    def case_list(self):
        params = case_filters(random) if random.random() < 0.5 else {}
        self.client.get("/api/practices/", params=params, name="/api/practices/")

    @task(2)
    def choropleth(self):
        self.client.get("/api/municipalities/", params=case_filters(random),
                        name="/api/municipalities/")

    @task(2)
    def case_page(self):
        self.client.get(f"/praktyki/{random.choice(DATA['slugs'])}/", name="/praktyki/<slug>/")
