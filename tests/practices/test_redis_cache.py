"""The Redis cache backend never raises while Redis is unreachable (practices/redis_cache.py):
reads are misses, writes are skipped, the outage is logged once, and django-ratelimit lets
requests through (RATELIMIT_FAIL_OPEN) instead of answering 500 or refusing everyone. The
recovery (stale keys retired) is shown with a real Redis in tests/faults/test_redis_outage.py."""
import logging

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django_ratelimit.core import is_ratelimited

from practices import redis_cache
from tests.fixed_ports import FIXED_PORTS

pytestmark = FIXED_PORTS


@pytest.fixture
def unreachable_redis(settings):
    # A port of this worktree's range where nothing listens.
    settings.CACHES = {"default": {
        "BACKEND": "practices.redis_cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:8399/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }}
    redis_cache._OUTAGES.clear()
    yield
    redis_cache._OUTAGES.clear()


def test_every_operation_answers_as_a_miss(unreachable_redis):
    cache.set("a", 1)
    cache.set_many({"b": 2})
    assert cache.get("a", "missing") == "missing"
    assert cache.get_many(["a", "b"]) == {}
    assert "a" not in cache
    assert cache.add("c", 3) is False
    assert cache.get_or_set("d", 4) == 4
    assert cache.touch("a") is False
    assert cache.delete("a") is False
    cache.delete_many(["a", "b"])
    with pytest.raises(ValueError, match="not found"):
        cache.incr("e")
    cache.clear()


def test_the_outage_is_logged_once(unreachable_redis, caplog):
    with caplog.at_level(logging.WARNING, logger="practices.redis_cache"):
        for _attempt in range(5):
            cache.get("a")
            cache.set("a", 1)
    assert [record.getMessage().split(";")[0] for record in caplog.records] == [
        "Redis is unreachable, the cache is bypassed (sessions, counters and data come from "
        "the database)"]


def test_writes_missed_during_the_outage_are_remembered_for_the_recovery(unreachable_redis):
    cache.set("a", 1)
    cache.delete("b")
    cache.clear()
    [outage] = redis_cache._OUTAGES.values()
    assert outage.down and outage.clear_all


def test_rate_limits_let_requests_through_while_counters_cannot_be_kept(unreachable_redis,
                                                                        settings):
    assert settings.RATELIMIT_FAIL_OPEN is True
    request = RequestFactory().post("/en/account/login/")
    assert [is_ratelimited(request, group="login", key="ip", rate="1/m", increment=True)
            for _attempt in range(3)] == [False, False, False]
