"""HTTP revalidation of the API: ETag and Last-Modified from a cheap data version.

Policy:
- One data version covers everything the API publishes: the cases (the latest `updated_at`
  of any case, whatever its status, so publishing, unpublishing and editing all change it:
  `updated_at` is set on every `save()`), the number of published cases (so a deleted case
  changes it), the register of gminy, counties and voivodeships (names and boundaries), and
  the tools. A revalidation therefore answers 304 without building anything.
- The cases change all day and their latest `updated_at` is one index lookup, so it is read
  on every request: an edit, a publication or an unpublication changes the ETag at once.
  The rest changes rarely (imports, a deletion) or grows with the catalogue (counting the
  published cases takes several ms at 100,000), so each process re-reads it at most every
  RECHECK_SECONDS: those changes reach the ETag within that time. A request thus costs one
  sub-millisecond query for the version.
- The ETag is weak (`W/"…"`): the same data is sent gzip-compressed or not, and in the
  language of the request for the few translated strings (error messages, sample notes), so
  the language is part of the tag. API_REVISION changes the tags when the output format
  changes in a deploy.
- Last-Modified is the latest change time known to the version. A hard delete changes the
  ETag but not Last-Modified, so a client that only sends If-Modified-Since may keep a copy
  with the deleted case until the next change; clients that send If-None-Match (browsers do
  when they have an ETag) are exact. Moderation archives cases rather than deleting them.
  Bulk `QuerySet.update()` bypasses `updated_at`: code that changes published cases must save
  them or set `updated_at` itself.
- Responses say `Cache-Control: public, no-cache`: any cache may keep them but must revalidate
  each time, so a change is visible at once while unchanged data costs a 304.
"""
import hashlib
import time
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db import connections
from django.db.models import Max
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language

from geodata.models import County, Municipality, Voivodeship
from practices.models import ParticipationTool, Practice

API_REVISION = "1"
CACHE_CONTROL = "public, no-cache"
RECHECK_SECONDS = 5.0
_rare_parts = {}  # database alias -> (values, clock() time they expire)
clock = time.monotonic


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


def rare_parts(using="default"):
    """(published count, gminy max updated_at, gminy count, counties max updated_at,
    voivodeships max updated_at, tools digest), re-read at most every RECHECK_SECONDS."""
    now = clock()
    cached = _rare_parts.get(using)
    if cached is not None and cached[1] > now:
        return cached[0]
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
        values = tuple(cursor.fetchone())
    _rare_parts[using] = (values, now + RECHECK_SECONDS)
    return values


def data_version(using="default"):
    """The current version of everything the API publishes."""
    cases_changed = (
        Practice.objects.using(using).aggregate(latest=Max("updated_at"))["latest"]
    )
    rare = rare_parts(using)
    values = (cases_changed, *rare)
    times = [value for value in (cases_changed, rare[1], rare[3], rare[4]) if value is not None]
    token = "|".join("" if value is None else str(value) for value in values)
    return DataVersion(token=token, last_modified=max(times) if times else None)


def stamp(response, version):
    """Put the validators and caching headers on a response (200 or 304)."""
    response["ETag"] = version.etag()
    if version.last_modified is not None:
        response["Last-Modified"] = http_date(version.timestamp())
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ("Accept-Encoding", "Accept-Language"))
    return response


def respond(request, build, using="default"):
    """Answer 304 when the client's copy is current, else `build()` the response; both carry
    ETag and Last-Modified. Call after the request's parameters were validated (a 400 is
    never cached)."""
    version = data_version(using)
    not_modified = get_conditional_response(
        request, etag=version.etag(), last_modified=version.timestamp()
    )
    if not_modified is not None:
        return stamp(not_modified, version)
    return stamp(build(), version)


def cached(name, compute, *key_parts):
    """The result of `compute()`, kept in Django's cache until the published data changes.

    The key holds the data version, so an edit, a publication or an unpublication is seen at
    once, and any other change (a deletion, the register) within RECHECK_SECONDS, as for the
    API's ETags. Results are plain data and model
    instances, the same in every language."""
    parts = [data_version().token, name, *(str(part) for part in key_parts)]
    digest = hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()
    return cache.get_or_set(f"stats:{digest}", compute, timeout=24 * 3600)
