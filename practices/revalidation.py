"""HTTP revalidation of the site's answers: ETag and Last-Modified from the data version
(practices.caching), 304 Not Modified, and answers marked private for signed-in members.

A request without a condition (no If-None-Match, If-Modified-Since, If-Match or
If-Unmodified-Since: a browser's first visit, a partner's fetch) cannot be answered 304 or
412, so its answer is built first and stamped afterwards. When that answer is one statement's
row (the map's points, counts and gminy: `respond(..., folded=True)` with `fetch_one`), the
statement also reads the cases' latest change, which the data version needs, instead of a
statement of its own before it: one round trip to the database fewer on the map's most
frequent requests, and the tag is read in the same snapshot as the data it tags. The slow
parts of the version (from the cache) are read before the answer, as for any request, so a
change to them between the two makes the tag older than the data, never newer: the next
revalidation then gets the new data rather than a 304.
"""
import contextvars

from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from practices.caching import (
    CACHE_CONTROL,
    data_version,
    latest_case_change,
    latest_case_change_sql,
    slow_parts,
    version_of,
)

CONDITIONS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH",
              "HTTP_IF_UNMODIFIED_SINCE")


def stamp(response, version):
    """Put the validators and caching headers on a response (200 or 304)."""
    response["ETag"] = version.etag()
    if version.last_modified is not None:
        response["Last-Modified"] = http_date(version.timestamp())
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ("Accept-Encoding", "Accept-Language"))
    return response


def respond(request, build, using="default", folded=False):
    """Answer 304 when the client's copy is current, else `build()` the response; both carry
    ETag and Last-Modified. Call after the request's parameters were validated (a 400 is
    never cached). `folded`: `build()` reads what it answers with one `fetch_one`, and no
    published data before it (see the module's text)."""
    if folded and not any(name in request.META for name in CONDITIONS):
        slow = slow_parts(using)
        read = _Folded(using)
        token = _folding.set(read)
        try:
            response = build()
        finally:
            _folding.reset(token)
        # Not read when the answer needed no statement (HEAD): nothing was read before it.
        changed = read.value if read.done else latest_case_change(using)
        return stamp(response, version_of(changed, slow))
    version = data_version(using)
    not_modified = get_conditional_response(
        request, etag=version.etag(), last_modified=version.timestamp()
    )
    if not_modified is not None:
        return stamp(not_modified, version)
    return stamp(build(), version)


class _Folded:
    """The cases' latest change as one folded statement read it, for one respond()."""

    __slots__ = ("using", "done", "value")

    def __init__(self, using):
        self.using, self.done, self.value = using, False, None


_folding = contextvars.ContextVar("mapa_folded_change", default=None)


def fetch_one(cursor, sql, params):
    """The one row of `sql`, executed on `cursor` (a cursor of the database respond() reads
    the version from). Inside `respond(..., folded=True)` the statement is the first of the
    answer and also reads the cases' latest change, kept for the answer's tag."""
    read = _folding.get()
    if read is None or read.done:
        cursor.execute(sql, params)
        return cursor.fetchone()
    cursor.execute(
        # `sql` is the caller's statement (its values in `params`); the rest is from the model.
        f"SELECT answer.*, ({latest_case_change_sql(read.using)}) FROM ({sql}) answer",  # nosec B608
        params,
    )
    *row, read.value = cursor.fetchone()
    read.done = True
    return tuple(row)


def private(response):
    """Mark an answer that depends on who asks (a case shown only to its author and to
    moderators, a page with a member's name): browsers may keep it, shared caches (a proxy, a
    CDN) never, and it varies with the session cookie."""
    patch_cache_control(response, private=True)  # drops `public`
    patch_vary_headers(response, ("Cookie",))
    return response
