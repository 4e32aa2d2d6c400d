r"""schemathesis hooks for test_schemathesis.py (loaded through SCHEMATHESIS_HOOKS).

Two rules of the API relate two values and no OpenAPI schema can express them; the API
documents them and refuses a request that breaks them with a 400 naming the parameter. So that
schemathesis's "schema-valid request accepted" check holds, a generated request that breaks
one is put right before it is sent, as a client reading the documentation would:
- year_from after year_to: the two are swapped;
- an inverted bbox (a minimum above its maximum): each pair is put in order.
One more repair is for schemathesis itself: its generator does not honour Unicode classes
(\W) in a pattern, so it sends `q` values with more words than the schema's pattern allows
(checked here with the pattern itself); those are cut to the words the pattern allows.
Nothing else is changed: every other schema-valid request must be accepted as generated.
"""
import os
import re

import django
import schemathesis

# The parameters' schemas come from the code they describe, which needs Django's apps.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mapa.settings")
django.setup()

from practices.domain.search import MAX_QUERY_WORDS  # noqa: E402
from practices.parameter_schemas import PARAMETER_SCHEMAS  # noqa: E402

_YEAR = re.compile(r"[0-9]{4}")
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_Q = re.compile(PARAMETER_SCHEMAS["q"]["pattern"])
_WORD = re.compile(r"[^\W_]+")


@schemathesis.hook
def before_call(ctx, case, kwargs):
    query = case.query
    if not query:
        return
    text = query.get("q")
    if isinstance(text, str) and not _Q.search(text):
        query["q"] = " ".join(_WORD.findall(text)[:MAX_QUERY_WORDS])
    # Swapped as generated (integers stay integers): schemathesis validates the request it
    # sent against the schema, and a year turned into a string would read as a violation.
    start, end = query.get("year_from"), query.get("year_to")
    if (_YEAR.fullmatch(str(start)) and _YEAR.fullmatch(str(end))
            and int(start) > int(end)):
        query["year_from"], query["year_to"] = end, start
    parts = str(query.get("bbox", "")).split(",")
    if len(parts) == 4 and all(_NUMBER.fullmatch(part) for part in parts):
        min_lon, min_lat, max_lon, max_lat = parts
        if float(min_lon) > float(max_lon):
            min_lon, max_lon = max_lon, min_lon
        if float(min_lat) > float(max_lat):
            min_lat, max_lat = max_lat, min_lat
        query["bbox"] = ",".join((min_lon, min_lat, max_lon, max_lat))
