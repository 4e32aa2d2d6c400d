"""Django's Redis cache, made to survive a Redis outage (CACHES in mapa/settings.py with
REDIS_URL): every user of the cache (the data version and cached results of caching.py, the
`cached_db` sessions, django-ratelimit's counters) keeps working from the database while Redis
is unreachable, and nothing stale comes back when it returns.

Rules:
- A Redis error is never raised: a read is a miss (get gives the default, has_key False,
  add False: nothing was added), a write is skipped, and `incr` raises ValueError as for a
  missing key (django-ratelimit then applies RATELIMIT_FAIL_OPEN).
- The first error logs one warning; for RETRY_SECONDS after it Redis is not asked at all, so
  a Redis that times out costs one request a second, not every request. The first call after
  that tries again.
- Every key a skipped write would have changed (set, delete, incr, touch...) is remembered,
  and deleted when Redis answers again, before anything is read from it: a session changed
  (a log-out) or a data version invalidated during the outage cannot come back from the
  cache. Past MAX_PENDING keys, or after a skipped clear(), the whole Redis database is
  cleared instead. The memory is per process: a process restarted during the outage forgets
  its keys (docs/scaling.md).
"""
import logging
import threading
import time
from dataclasses import dataclass, field

from django.core.cache.backends.redis import RedisCache

try:
    from redis.exceptions import RedisError
except ImportError:  # redis is only needed with REDIS_URL
    ERRORS = (OSError,)
else:
    ERRORS = (OSError, RedisError)

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
MAX_PENDING = 10_000


@dataclass
class _Outage:
    """What one process knows about one Redis."""
    retry_at: float = 0.0  # monotonic time before which Redis is not asked
    down: bool = False
    pending: set = field(default_factory=set)
    clear_all: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


_OUTAGES = {}
_OUTAGES_LOCK = threading.Lock()


def _outage(servers):
    key = tuple(servers)
    with _OUTAGES_LOCK:
        return _OUTAGES.setdefault(key, _Outage())


class _ResilientClient:
    """RedisCacheClient's operations (keys already made), each guarded."""

    def __init__(self, client, outage):
        self._client = client
        self._outage = outage

    def _available(self):
        """Whether Redis may be asked now; first retires what an outage left stale."""
        state = self._outage
        with state.lock:
            if time.monotonic() < state.retry_at:
                return False
            if not (state.down or state.pending or state.clear_all):
                return True
            pending, clear_all = set(state.pending), state.clear_all
        try:
            if clear_all:
                self._client.clear()
            elif pending:
                self._client.delete_many(list(pending))
        except ERRORS as error:
            self._failed(error)
            return False
        with state.lock:
            state.pending -= pending
            state.clear_all = state.clear_all and not clear_all
            was_down, state.down = state.down, False
        if was_down:
            logger.warning("Redis is reachable again: %s written during the outage retired.",
                           "the whole cache" if clear_all else f"{len(pending)} entries")
        return True

    def _failed(self, error, keys=(), clear_all=False):
        state = self._outage
        with state.lock:
            state.retry_at = time.monotonic() + RETRY_SECONDS
            first, state.down = not state.down, True
            state.pending.update(keys)
            if clear_all or len(state.pending) > MAX_PENDING:
                state.clear_all, state.pending = True, set()
        if first:
            logger.warning("Redis is unreachable, the cache is bypassed (sessions, counters "
                           "and data come from the database); retrying every %d s: %s",
                           RETRY_SECONDS, error)

    def _missed(self, keys=(), clear_all=False):
        """A write skipped while Redis is known to be down."""
        state = self._outage
        with state.lock:
            state.pending.update(keys)
            if clear_all or len(state.pending) > MAX_PENDING:
                state.clear_all, state.pending = True, set()

    def _read(self, name, miss, *args):
        if not self._available():
            return miss
        try:
            return getattr(self._client, name)(*args)
        except ERRORS as error:
            self._failed(error)
            return miss

    def _write(self, name, keys, miss, *args, clear_all=False):
        if not self._available():
            self._missed(keys, clear_all)
            return miss
        try:
            return getattr(self._client, name)(*args)
        except ERRORS as error:
            self._failed(error, keys, clear_all)
            return miss

    def get(self, key, default):
        return self._read("get", default, key, default)

    def get_many(self, keys):
        return self._read("get_many", {}, keys)

    def has_key(self, key):
        return self._read("has_key", False, key)

    def add(self, key, value, timeout):
        # Not added: whatever Redis may still hold for the key is retired on recovery.
        return self._write("add", [key], False, key, value, timeout)

    def set(self, key, value, timeout):
        self._write("set", [key], None, key, value, timeout)

    def set_many(self, data, timeout):
        self._write("set_many", list(data), None, data, timeout)

    def touch(self, key, timeout):
        return self._write("touch", [key], False, key, timeout)

    def delete(self, key):
        return self._write("delete", [key], False, key)

    def delete_many(self, keys):
        self._write("delete_many", list(keys), None, keys)

    def incr(self, key, delta):
        result = self._write("incr", [key], _MISSING, key, delta)
        if result is _MISSING:
            raise ValueError(f"Key '{key}' not found (Redis unreachable).")
        return result

    def clear(self):
        return self._write("clear", [], False, clear_all=True)


_MISSING = object()


class ResilientRedisCache(RedisCache):
    """RedisCache whose operations never raise a Redis error (module docstring)."""

    @property
    def _cache(self):
        client = self.__dict__.get("_resilient_client")
        if client is None:
            client = _ResilientClient(self._class(self._servers, **self._options),
                                      _outage(self._servers))
            self.__dict__["_resilient_client"] = client
        return client
