"""The JSON Schema of each case parameter (practices.filters), for the OpenAPI documents:
what the parsers accept, declared once beside them, so that schemathesis and API clients see
the same rules the server enforces. Two rules no schema can express stay in the descriptions
only: year_from after year_to, and an inverted bbox."""
import re

from practices.domain.search import MAX_QUERY_LENGTH, MAX_QUERY_WORDS
from practices.domain.tools import TOOLS
from practices.filters import MAX_LIMIT, SORTS
from practices.models import MAX_YEAR, MIN_YEAR

_VOIVODESHIP = r"(?:0[2468]|[12][02468]|3[02])"
_COUNTY = _VOIVODESHIP + r"(?:0[1-9]|[1-9][0-9])"
_GMINA = _COUNTY + r"(?:0[1-9]|[1-9][0-9])[123]"
_TOOL = "(?:" + "|".join(re.escape(tool["slug"]) for tool in TOOLS) + ")"
_LON = r"-?(?:1[0-7][0-9]|[0-9]{1,2})(?:\.[0-9]{1,8})?"
_LAT = r"-?[0-8]?[0-9](?:\.[0-9]{1,8})?"


def _list_of(item):
    # Empty is allowed: an empty value means the parameter was not given.
    return {"type": "string", "pattern": rf"^(?: *{item} *(?:, *{item} *)*)?$"}


_YEAR_SCHEMA = {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}
PARAMETER_SCHEMAS = {
    "tool": _list_of(_TOOL),
    "year": _YEAR_SCHEMA,
    "year_from": _YEAR_SCHEMA,
    "year_to": _YEAR_SCHEMA,
    "municipality": _list_of(_GMINA),
    "county": _list_of(_COUNTY),
    "voivodeship": _list_of(_VOIVODESHIP),
    # Decimal degrees; the parser also takes exponents and the edges +-180 and +-90.
    "bbox": {"type": "string", "pattern": rf"^(?:{_LON},{_LAT},{_LON},{_LAT})?$"},
    # At most MAX_QUERY_LENGTH characters and MAX_QUERY_WORDS words, a word being a run of
    # Unicode letters and digits (Python's [^\W_]; an ASCII-only regex engine counts more).
    "q": {"type": "string", "maxLength": MAX_QUERY_LENGTH,
          "pattern": rf"^[\W_]*(?:[^\W_]+[\W_]+){{0,{MAX_QUERY_WORDS - 1}}}[^\W_]*[\W_]*$"},
    "limit": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
    "offset": {"type": "integer", "minimum": 0, "maximum": 999_999_999},
    "sort": {"type": "string", "pattern": "^(?:-?(?:" + "|".join(SORTS) + "))?$"},
    "type": {"type": "string", "pattern": "^[123]?$"},
}
# One gmina's code, as in /api/municipalities/{teryt}/.
GMINA_SCHEMA = {"type": "string", "pattern": rf"^{_GMINA}$"}

