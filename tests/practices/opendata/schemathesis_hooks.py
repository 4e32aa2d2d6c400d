r"""schemathesis hooks for test_ogc_schemathesis.py (loaded through SCHEMATHESIS_HOOKS).

Two rules of the OGC API relate two values and no OpenAPI schema can express them; the
definition states them in the parameters' descriptions and the service refuses a request that
breaks them with a 400 naming the parameter. So that schemathesis's "schema-valid request
accepted" check holds, a generated request that breaks one is put right before it is sent, as
a client reading the description would:
- a `datetime` interval that ends before it starts: its two ends are swapped;
- a `bbox` whose minimum latitude exceeds its maximum (in a projected `bbox-crs`, either
  minimum its maximum): each such pair is put in order. (In longitude/latitude a west edge
  east of the east edge is valid: the box crosses the antimeridian.)
The `q` repair of the main API's hooks (tests/practices/api/schemathesis_hooks.py) applies
too: schemathesis does not honour Unicode classes in patterns. Nothing else is changed.
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
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]{1,3})?")
_Q = re.compile(PARAMETER_SCHEMAS["q"]["pattern"])
_WORD = re.compile(r"[^\W_]+")
# bbox-crs -> whether its boxes are written latitude (northing) first, and whether it is
# longitude/latitude (where west > east crosses the antimeridian).
_SYSTEMS = {
    "http://www.opengis.net/def/crs/OGC/1.3/CRS84": (False, True),
    "http://www.opengis.net/def/crs/EPSG/0/4326": (True, True),
    "http://www.opengis.net/def/crs/EPSG/0/2180": (True, False),
    "http://www.opengis.net/def/crs/EPSG/0/3857": (False, False),
}


def _ordered(parts, low, high):
    if float(parts[low]) > float(parts[high]):
        parts[low], parts[high] = parts[high], parts[low]


def _repair_bbox(query):
    """The box comes as a list of numbers or already joined with commas (form style)."""
    box = query.get("bbox")
    system = query.get("bbox-crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84")
    if not isinstance(system, str) or system not in _SYSTEMS:
        return
    parts = box.split(",") if isinstance(box, str) else box
    if not isinstance(parts, list) or len(parts) not in (4, 6):
        return
    if not all(isinstance(part, int | float) or _NUMBER.fullmatch(str(part)) for part in parts):
        return
    half = len(parts) // 2
    latitude_first, geographic = _SYSTEMS[system]
    latitude = 0 if latitude_first else 1
    # Latitude (northing) always in order; the other axis only where it is not longitude.
    _ordered(parts, latitude, latitude + half)
    if not geographic:
        _ordered(parts, 1 - latitude, 1 - latitude + half)
    query["bbox"] = ",".join(parts) if isinstance(box, str) else parts


def _repair_datetime(query):
    value = query.get("datetime")
    if not isinstance(value, str) or value.count("/") != 1:
        return
    start, end = (part.strip() for part in value.strip().split("/"))
    if _YEAR.match(start) and _YEAR.match(end) and int(start[:4]) > int(end[:4]):
        query["datetime"] = f"{end}/{start}"


@schemathesis.hook
def before_call(ctx, case, kwargs):
    query = case.query
    if not query:
        return
    text = query.get("q")
    if isinstance(text, str) and not _Q.search(text):
        query["q"] = " ".join(_WORD.findall(text)[:MAX_QUERY_WORDS])
    _repair_bbox(query)
    _repair_datetime(query)
