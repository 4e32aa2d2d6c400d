"""Everything the site caches: the data version (the API's ETags and Last-Modified), the keys
of cached results, and their invalidation (the answers' validators and 304s built on it are in
practices.revalidation). All of it on Django's cache framework (CACHES in
mapa/settings.py: local memory by default, Redis with REDIS_URL), so with a shared cache every
app server sees a change at once and keeps no state of its own.

The data version covers everything the site publishes:
- the cases: their latest `updated_at` (any status, so publishing, unpublishing and editing
  all change it; `save()` sets it, and so does a change of one of the case's links) and the
  number of published cases (a deletion changes it);
- the register: the latest `updated_at` and the number of gminy, the latest `updated_at` of
  counties and voivodeships (names and boundaries);
- the tools: a digest of their rows.

Two parts, and why both stay:
- The latest `updated_at` of the cases is read from the database on every request. It is one
  index lookup (well under a millisecond at 100,000 cases; for an unconditional request
  answered by one statement, that statement reads it: practices.revalidation), and it is
  exact in every process whatever the cache: an edit reaches the ETag at once even with the
  per-process default cache (several gunicorn workers, a management command), and so does a
  bulk write that sets `updated_at` but sends no signal (`QuerySet.update(..., updated_at=now())`).
- The rest is slower to read (counting the published cases takes several ms at 100,000) and
  changes rarely, so it is kept in the cache and invalidated explicitly: `post_save` and
  `post_delete` of Practice, PracticeLink, ParticipationTool, Municipality, County and
  Voivodeship, `geodata.signals.register_changed`, which the boundary importer and the
  display-boundary refresh send after their bulk writes (they bypass `save()`), and
  `post_migrate` (migrations, and the flush that ends a transactional test). Invalidation
  replaces a random generation token, both at once (this process sees its own write inside
  the transaction) and again after the commit (another server may have read the old rows
  between the write and the commit and stored them under the first new token; the second
  replacement retires them). A stored entry is used only while its token is current. When
  it must be read again, one thread of the process reads it and the others wait for it.
- Safety nets for writes that bypass both `save()` and the signals (SQL typed in psql, a
  restore): the entry expires after SHARED_SECONDS in a shared cache; in a per-process cache
  (local memory, the default), where another process's invalidation cannot reach this one,
  after LOCAL_SECONDS, as the old per-process re-check did.

ETags are weak (`W/"…"`): the same data is sent gzip-compressed or not, and in the language of
the request for the few translated strings (error messages, sample notes), so the language is
part of the tag. API_REVISION changes the tags when the output format changes in a deploy. The
tag is a digest of the version's values, not of the generation token, so every server gives
the same tag for the same data, and emptying the cache changes no tag.

Last-Modified is the latest change time known to the version. A hard delete changes the ETag
but not Last-Modified: clients that send If-None-Match (browsers do) are exact. Responses say
`Cache-Control: public, no-cache`: any cache (a CDN included) may keep them but must
revalidate each time, so a change is visible at once while unchanged data costs a 304.

Cached results (`cached()`) are keyed by the data version's values, so any change the version
sees retires them; RESULT_REVISION retires them when a deploy changes their shape (bump it
when a cached dataclass gains or loses a field, or a rolling deploy would unpickle old rows
into the new class). A cache that is down or unreachable is logged and bypassed: pages and
the API are computed from the database as if nothing were cached.

Two things are kept in each process rather than in the cache, because every filtered request
needs them and a cache read would cost as much as what it saves:
- the tools' slugs (`known_tools()`, which the `tool` filter checks against), keyed by the
  tools' digest in the data version, so they change exactly when the ETag does;
- the compiled SQL of a selection (`compiled()`), keyed by the parsed filters: it depends on
  the code only, never on the data (except a text search's, which is never kept).
"""
import hashlib
import logging
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.db import connections, transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils import timezone
from django.utils.translation import get_language

from geodata.models import County, Municipality, Voivodeship
from geodata.signals import register_changed
from practices.models import ParticipationTool, Practice, PracticeLink

logger = logging.getLogger(__name__)

API_REVISION = "1"
RESULT_REVISION = "1"
CACHE_CONTROL = "public, no-cache"
LOCAL_SECONDS = 5
SHARED_SECONDS = 300
RESULT_SECONDS = 24 * 3600
# The models whose saves and deletions change the data version.
WATCHED = (Practice, PracticeLink, ParticipationTool, Municipality, County, Voivodeship)

try:
    from redis.exceptions import RedisError
except ImportError:  # redis is only needed with REDIS_URL
    CACHE_ERRORS = (OSError,)
else:
    CACHE_ERRORS = (OSError, RedisError)


# --- Keys ---------------------------------------------------------------------------------

def generation_key(using):
    return f"data-version:generation:{using}"


def slow_parts_key(using):
    return f"data-version:slow:{using}"


def result_key(version, name, *key_parts):
    parts = [RESULT_REVISION, version.token, name, *(str(part) for part in key_parts)]
    return "result:" + hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()


def is_shared(backend=None):
    """Whether every app server sees the same cache (Redis, a database or file cache), as
    opposed to one copy per process (local memory) or none (dummy)."""
    return not isinstance(backend or caches["default"], LocMemCache | DummyCache)


# --- The data version -----------------------------------------------------------------------

@dataclass(frozen=True)
class DataVersion:
    token: str
    last_modified: datetime | None

    def etag(self):
        variant = f"{API_REVISION}|{get_language() or ''}|{self.token}"
        return 'W/"' + hashlib.blake2b(variant.encode(), digest_size=12).hexdigest() + '"'

    def timestamp(self):
        return int(self.last_modified.timestamp()) if self.last_modified else None


def _subquery(queryset):
    sql, params = queryset.order_by().query.sql_with_params()
    return f"({sql})", params


def read_slow_parts(using="default"):
    """(published count, gminy max updated_at, gminy count, counties max updated_at,
    voivodeships max updated_at, tools digest), read from the database in one statement."""
    parts = [
        ("SELECT count(*) FROM {} x", Practice.objects.published().values("pk")),
        ("SELECT max(x.updated_at) FROM {} x", Municipality.objects.values("updated_at")),
        ("SELECT count(*) FROM {} x", Municipality.objects.values("pk")),
        ("SELECT max(x.updated_at) FROM {} x", County.objects.values("updated_at")),
        ("SELECT max(x.updated_at) FROM {} x", Voivodeship.objects.values("updated_at")),
        (
            "SELECT md5(string_agg(x::text, '|' ORDER BY x.id)) FROM {} x",
            ParticipationTool.objects.all(),
        ),
    ]
    selects, params = [], []
    for template, queryset in parts:
        sql, sub_params = _subquery(queryset.using(using))
        selects.append("(" + template.format(sql) + ")")
        params.extend(sub_params)
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        return tuple(cursor.fetchone())


def _stored_slow_parts(using):
    """(generation, the stored values of that generation or None)."""
    gen_key, parts_key = generation_key(using), slow_parts_key(using)
    stored = cache.get_many([gen_key, parts_key])
    generation = stored.get(gen_key)
    if generation is None:
        generation = secrets.token_hex(8)
        # add, not set: two servers starting at once must agree on one token.
        if not cache.add(gen_key, generation, timeout=None):
            generation = cache.get(gen_key, generation)
    entry = stored.get(parts_key)
    return generation, entry[1] if entry is not None and entry[0] == generation else None


def slow_parts(using="default"):
    """The slow parts of the version, from the cache while no write invalidated them. One
    thread of the process reads them again, the others wait: else, as they expire, every
    thread serving a request (a page's six tiles) would count the same cases at once."""
    try:
        generation, values = _stored_slow_parts(using)
        if values is not None:
            return values
        with _reading_slow_parts:
            # Another thread may have read them while this one waited.
            generation, values = _stored_slow_parts(using)
            if values is not None:
                return values
            # Read after the generation: a write committed after this point replaces the
            # token, so these values can never pass for a later generation.
            values = read_slow_parts(using)
            timeout = SHARED_SECONDS if is_shared() else LOCAL_SECONDS
            try:
                cache.set(slow_parts_key(using), (generation, values), timeout=timeout)
            except CACHE_ERRORS as error:
                logger.warning("Cache unavailable, data version not stored: %s", error)
            return values
    except CACHE_ERRORS as error:
        logger.warning("Cache unavailable, reading the data version directly: %s", error)
        return read_slow_parts(using)


_reading_slow_parts = threading.Lock()


def latest_case_change_sql(using="default"):
    """The statement of max(updated_at) of every case: one backward step along its index.
    Plain SQL, since building the same query through the ORM costs several times the query
    itself."""
    quote = connections[using].ops.quote_name
    column = Practice._meta.get_field("updated_at").column
    # Identifiers from the model, quoted; no value from a request.
    return f"SELECT max({quote(column)}) FROM {quote(Practice._meta.db_table)}"  # nosec B608


def latest_case_change(using="default"):
    """max(updated_at) of every case (latest_case_change_sql)."""
    with connections[using].cursor() as cursor:
        cursor.execute(latest_case_change_sql(using))
        return cursor.fetchone()[0]


def data_version(using="default"):
    """The current version of everything the site publishes."""
    return version_of(latest_case_change(using), slow_parts(using))


def version_of(cases_changed, slow):
    """The data version from the cases' latest change and the slow parts."""
    values = (cases_changed, *slow)
    times = [value for value in (cases_changed, slow[1], slow[3], slow[4]) if value is not None]
    token = "|".join("" if value is None else str(value) for value in values)
    return DataVersion(token=token, last_modified=max(times) if times else None)


def known_tools(using="default"):
    """The tools' slugs in their order (position, slug), read once per version of the tools:
    every filtered request checks its `tool` against them. Keyed by the tools' digest in the
    data version's slow parts, so a change to a tool is seen exactly when the ETag sees it."""
    digest = slow_parts(using)[5]
    slugs = _tool_slugs.get((using, digest))
    if slugs is None:
        slugs = tuple(ParticipationTool.objects.using(using).values_list("slug", flat=True))
        _tool_slugs.clear()  # one version of the tools is enough
        _tool_slugs[(using, digest)] = slugs
    return slugs


_tool_slugs = {}


# --- Compiled statements --------------------------------------------------------------------

STATEMENTS_KEPT = 256


def compiled(name, filters, build, *key_parts):
    """`build()`'s (sql, params) for a selection (`filters`, parsed), compiled once per
    process for the same name, filters and key parts. Compiling a selection through the ORM
    costs about as much as a small selection takes to run, and its SQL depends only on the
    code and the filters: never on the data, the language or who asks. The one exception is
    a text search (`q`): its condition names the gminy whose names resemble its words (data),
    so it is compiled every time. Kept in this process only (nothing to invalidate: a deploy
    restarts it), at most STATEMENTS_KEPT of them."""
    if filters.q:
        return build()
    key = (name, filters, *key_parts)
    statement = _statements.get(key)
    if statement is None:
        statement = build()
        if len(_statements) >= STATEMENTS_KEPT:
            _statements.clear()
        _statements[key] = statement
    return statement


_statements = {}


# --- Invalidation ---------------------------------------------------------------------------

def _replace_generation(using):
    try:
        cache.set(generation_key(using), secrets.token_hex(8), timeout=None)
    except CACHE_ERRORS as error:
        logger.warning("Cache unavailable, data version not invalidated: %s", error)


def invalidate(using="default"):
    """Retire the cached slow parts of the data version (and with them every cached result):
    now, and again when the current transaction commits."""
    _replace_generation(using)
    transaction.on_commit(lambda: _replace_generation(using), using=using)


def _on_write(sender, using="default", **kwargs):
    invalidate(using or "default")


def _on_link_write(sender, instance, using="default", **kwargs):
    """A case's links are part of its published record (the API's detail lists them) but
    carry no `updated_at` of their own: a change to one is a change of its case."""
    Practice.objects.using(using).filter(pk=instance.practice_id).update(
        updated_at=timezone.now()
    )
    invalidate(using or "default")


def connect_signals():
    """Called once from PracticesConfig.ready()."""
    for model in WATCHED:
        receiver = _on_link_write if model is PracticeLink else _on_write
        for signal in (post_save, post_delete):
            signal.connect(
                receiver, sender=model, dispatch_uid=f"caching:{signal}:{model.__name__}"
            )
    register_changed.connect(_on_write, dispatch_uid="caching:register_changed")
    # A migration or a flush (which ends with post_migrate) rewrites tables without signals.
    post_migrate.connect(_on_write, dispatch_uid="caching:post_migrate")
    # A statement may hold what settings say (the pages' paths): tests that change settings
    # get statements compiled under them.
    setting_changed.connect(forget_compiled, dispatch_uid="caching:setting_changed")


def forget_compiled(**kwargs):
    _statements.clear()


# --- Cached results -------------------------------------------------------------------------

_MISSING = object()


def kept(name, digest, compute):
    """The result of `compute()`, kept in the cache under `digest`, the digest of everything
    it is computed from (so it needs no data version: other inputs, another key). As
    `cached`, a cache that is down is bypassed."""
    return _through_cache(name, f"kept:{RESULT_REVISION}:{name}:{digest}", compute)


def cached(name, compute, *key_parts, alias="default"):
    """The result of `compute()`, kept in the cache until the data version changes.

    `name` and `key_parts` (e.g. the parsed filters) tell results apart. Results must be
    picklable (plain data, dataclasses, model instances), the same in every language and the
    same for everyone: built from published cases only, never from `visible_to(user)` (the
    key has no user in it; tests/practices/visibility checks every route). `alias` names the
    cache of settings.CACHES to keep them in (practices.file_cache.tile_cache())."""
    return _through_cache(name, result_key(data_version(), name, *key_parts), compute, alias)


def _through_cache(name, key, compute, alias="default"):
    try:
        # Inside: a file cache whose folder cannot be made fails as it is opened.
        store = caches[alias]
        value = store.get(key, _MISSING)
    except CACHE_ERRORS as error:
        logger.warning("Cache unavailable, %s computed without it: %s", name, error)
        return compute()
    if value is _MISSING:
        value = compute()
        try:
            store.set(key, value, timeout=RESULT_SECONDS)
        except CACHE_ERRORS as error:
            logger.warning("Cache unavailable, %s not stored: %s", name, error)
    return value
