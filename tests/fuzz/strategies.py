"""Hypothesis strategies for hostile query strings: full Unicode text, other scripts' digits,
combining marks, symbols, NUL and control characters, very long strings, numbers at the edges
of what floats and integers hold, near-valid values of each parameter, and repeated
parameters. Tests built on them assert that a route answers 2xx, 3xx, 400 or 404, never 5xx."""
from hypothesis import strategies as st

# Every code point a URL can carry (surrogates cannot be encoded in UTF-8).
ANY_CHAR = st.characters(codec="utf-8")
TRICKY = [
    "", " ", "\x00", "\t\n", "²", "2²", "٢٠٢٠", "۲۰۲۰", "２０２０", "𝟚𝟘𝟚𝟘", "2020\u0301", "e\u0301",
    "20\u200b20", "①", "½", "Ⅻ", "NaN", "nan", "inf", "-inf", "Infinity", "1e308", "1e400",
    "-1e400", "1_000", "0x10", "-0", "+1", "00", "9" * 40, "-" * 3, ",", ",,,", ", ,", "%00",
    "%", "%%", "&", "=", "+", "#", "?", "/", "\\", "..", "../..", "<script>alert(1)</script>",
    "'\"", "' OR 1=1 --", "$1", "{}", "[]", "null", "true", "ø", "Ełk", "ß", "İ", "ﬁ", "🙂",
    "\U0010ffff", "\ufeff", "\u202e", "x" * 5000, "ą" * 2000, "a " * 400,
]
# Values that are nearly right for some parameter, so parsing gets past its first check.
NEAR_VALID = [
    "2020", "1990", "2100", "1989", "2101", "0", "1", "-1", "1000", "1001", "999999999",
    "9999999999", "20", "28", "2061", "2061011", "2061019", "2000000", "2061011,20", "20,28",
    "22.5,53,23.5,54", "180,90,-180,-90", "-180,-90,180,90", "1,2,3", "1,2,3,4,5",
    "budzet-obywatelski", "referendum,konsultacje", "konsultacje,,referendum", "1", "2", "3",
    "json", "csv", "xml", "pl", "en", "de", "0", "map", "choropleth", "markers", "53.1",
    "semicolon", "comma",
    "-91", "23.1", "7", "19", "99", "http://testserver/", "http://testserver/en/",
    "http://testserver/embed/?tool=referendum", "http://testserver/gminy/2061011/",
    "http://testserver/praktyki/bo-bialystok/", "http://[::1", "http://[bad/",
    "https://example.org/", "javascript:alert(1)", "http://testserver/\x00",
]


def values():
    return st.one_of(
        st.sampled_from(TRICKY),
        st.sampled_from(NEAR_VALID),
        st.text(ANY_CHAR, max_size=40),
        st.lists(st.sampled_from(NEAR_VALID + TRICKY), min_size=2, max_size=4).map(",".join),
        st.builds(lambda a, b: a + b, st.sampled_from(NEAR_VALID), st.sampled_from(TRICKY)),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
    )


def queries(names):
    """A query as a list of (name, value) pairs: the route's own parameters, each possibly
    repeated, and now and then a name the route does not know."""
    name = st.one_of(st.sampled_from(list(names)), st.text(ANY_CHAR, min_size=1, max_size=12))
    return st.lists(st.tuples(name, values()), max_size=6)
