"""The folder cache the workers of one machine share for the vector tiles
(MAPA_TILE_CACHE_DIR, mapa/settings.py): Django's file-based cache, with its size kept less
often.

Django's FileBasedCache lists the whole folder on every write to decide whether to remove
entries (`_cull`): with 19,000 tiles kept that listing took about 30 ms here, added to every
tile built. This one lists it on the first write and then on one in CULL_CHECK_EVERY of each
instance (Django makes one per thread), so the folder may pass MAX_ENTRIES by at most that
many entries per thread. Past it, the oldest written share (1 / CULL_FREQUENCY) is removed,
not a random one: the tiles of an older data version are never read again (a change is
another key), and they are the oldest files, so the current tiles stay. Reads and writes are
Django's: a temporary file renamed into place, so a reader never sees half a tile."""
import itertools
import os

from django.conf import settings
from django.core.cache.backends.filebased import FileBasedCache

CULL_CHECK_EVERY = 64


class SharedFileCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._writes = itertools.count(1)

    def _cull(self):
        if next(self._writes) % CULL_CHECK_EVERY != 1:
            return
        names = self._list_cache_files()
        if len(names) < self._max_entries:
            return
        if self._cull_frequency == 0:
            self.clear()
            return
        for name in sorted(names, key=_written)[: len(names) // self._cull_frequency]:
            self._delete(name)


def _written(name):
    """When a cache file was written; 0 for one another process removed meanwhile."""
    try:
        return os.stat(name).st_mtime_ns
    except FileNotFoundError:
        return 0


def tile_cache():
    """The alias of the cache that keeps the vector tiles: `tiles` where settings define it
    (MAPA_TILE_CACHE_DIR), else the default (Redis with REDIS_URL, or each process's own)."""
    return "tiles" if "tiles" in settings.CACHES else "default"
