"""The data version without a shared cache. In local memory (the default, one copy per
process), a change this process was not told about (made by another process) reaches the ETag
within LOCAL_SECONDS. With Redis unreachable, the API and the pages answer from the database
as if nothing were cached."""
from types import SimpleNamespace

import pytest
from django.core.cache.backends import base, locmem
from django.utils import timezone

from geodata.models import Municipality
from practices import caching
from tests.fixed_ports import FIXED_PORTS

pytestmark = FIXED_PORTS


@pytest.fixture
def clock(monkeypatch):
    """The local-memory cache's clock, moved by hand."""
    now = [1_000_000.0]
    fake = SimpleNamespace(time=lambda: now[0])
    monkeypatch.setattr(base, "time", fake)
    monkeypatch.setattr(locmem, "time", fake)
    return now


def rename_in_another_process(world):
    # What another process's write looks like from here: the rows change, no signal arrives.
    Municipality.objects.filter(pk=world["gminy"]["elk"].pk).update(
        name="Ełk (miasto)", updated_at=timezone.now()
    )


def test_a_change_made_elsewhere_reaches_a_per_process_cache_within_its_interval(
    api, world, clock
):
    etag = api.get("/api/municipalities/")["ETag"]
    rename_in_another_process(world)
    clock[0] += caching.LOCAL_SECONDS - 1
    assert api.get("/api/municipalities/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    clock[0] += 1.5
    response = api.get("/api/municipalities/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


@pytest.fixture
def unreachable_redis(settings):
    # A port of this worktree's range where nothing listens.
    settings.CACHES = {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:8399/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }}


def test_with_redis_unreachable_the_api_answers_and_revalidates(api, world, unreachable_redis):
    first = api.get("/api/practices/")
    assert first.status_code == 200
    assert api.get("/api/practices/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_with_redis_unreachable_the_statistics_page_answers(client, world, unreachable_redis):
    response = client.get("/en/statistics/")
    assert response.status_code == 200
    assert response.context["tool_year"].total > 0


def test_threads_that_find_the_version_expired_together_count_the_cases_once(monkeypatch):
    # Six tiles of one page reach a worker at once, just after its copy expired: one thread
    # reads the slow parts, the others wait for its values instead of each counting too.
    import threading
    import time

    reads = []

    def read(using="default"):
        reads.append(using)
        time.sleep(0.05)  # long enough for every thread to find the copy missing
        return (5, None, 2, None, None, "tools")

    monkeypatch.setattr(caching, "read_slow_parts", read)
    start = threading.Barrier(6)
    answers = []

    def request():
        start.wait()
        answers.append(caching.slow_parts())

    threads = [threading.Thread(target=request) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [(5, None, 2, None, None, "tools")] * 6
    assert len(reads) == 1
