"""Polish-aware, diacritics-insensitive full-text search over cases.

How a case is found (the database side lives in migration 0003):

- Every case carries `search_vector`, kept current by a trigger from its title (weight A),
  the gmina's name (A), summary (B) and description (C). Each text goes through two
  configurations: `mapa_polish` (Debian's hunspell-pl as an ispell dictionary, so "budżetu"
  is stored and found as "budżet") and `mapa_unaccent` (unaccent then simple, so "Ełk" is also
  stored as "elk"). Putting unaccent in front of the hunspell dictionary would break stemming,
  hence two configurations.
- A query word matches when either the Polish stem matches, or its diacritics-free form,
  with a common inflectional ending cut off, is a prefix of a diacritics-free word
  ("budzetu" -> `budzet:*` finds "budżet", which hunspell cannot stem without the "ż").
  All query words must match (AND), each in the text or in the gmina's name. Very short
  function words are ignored.
- A query word also matches when it is trigram-similar to a word of the case's gmina name
  without diacritics ("Bialystoku" finds cases in Białystok, "Elku" in Ełk).

Queries are limited to MAX_QUERY_LENGTH characters and MAX_QUERY_WORDS words;
`clean_query()` raises a ValidationError saying so, for the API to turn into a 400.
"""
import re
import unicodedata

from django.contrib.postgres.lookups import Unaccent
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    TrigramStrictWordSimilarity,
)
from django.core.exceptions import ValidationError
from django.db.models import F, FloatField, Q, Value
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from geodata.models import Municipality

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 10
# pg_trgm strict word similarity between a query word and a gmina's name, both without
# diacritics, from which the word counts as naming the gmina.
GMINA_SIMILARITY = 0.5
# A diacritics-free query word loses an inflectional ending only if this many letters remain,
# and is matched as a prefix only if it has at least MIN_PREFIX letters.
MIN_STEM = 4
MIN_PREFIX = 3

# Letters NFKD cannot decompose (ł has no combining form) and the German/Nordic ones.
_FOLD = str.maketrans({
    "ł": "l", "Ł": "L", "ß": "ss", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE",
})
_WORD = re.compile(r"[^\W_]+")
# Inflectional endings, longest first, in their diacritics-free spelling.
_ENDINGS = (
    "ami", "ach", "ego", "emu", "owi", "iem", "om", "ow", "em", "ie", "ej", "mi",
    "a", "e", "i", "o", "u", "y",
)
# Function words that say nothing about a case; matching them would only lose results.
_STOP_WORDS = frozenset(
    "a i o u w z we ze na do od po za ku przy dla oraz lub albo czy nie sie jak to ten ta "
    "the of and in on for to".split()
)


def fold(text):
    """`text` without diacritics: "Łomża Ełk" -> "Lomza Elk". Agrees with PostgreSQL's
    unaccent for Polish letters."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def clean_query(text):
    """The query stripped, or a ValidationError naming the limit it breaks."""
    text = (text or "").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise ValidationError(
            _("The search text is too long: use at most %(max)d characters."),
            code="max_length", params={"max": MAX_QUERY_LENGTH},
        )
    if len(_WORD.findall(text)) > MAX_QUERY_WORDS:
        raise ValidationError(
            _("The search text has too many words: use at most %(max)d."),
            code="max_words", params={"max": MAX_QUERY_WORDS},
        )
    return text


def query_words(text):
    """The words of a query that take part in matching (function words dropped)."""
    return [word for word in _WORD.findall(text.lower()) if fold(word) not in _STOP_WORDS]


def prefix_term(word):
    """The diacritics-free prefix a query word stands for: "budżetu" -> "budzet:*"."""
    folded = fold(word.lower())
    for ending in _ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_STEM:
            folded = folded[: -len(ending)]
            break
    return f"{folded}:*" if len(folded) >= MIN_PREFIX else folded


def tsquery(words):
    """For each word its Polish stem OR its diacritics-free prefix; all words ANDed."""
    combined = None
    for word in words:
        either = SearchQuery(word, config="mapa_polish", search_type="plain") | SearchQuery(
            prefix_term(word), config="mapa_unaccent", search_type="raw"
        )
        combined = either if combined is None else combined & either
    return combined


def similar_gminy(word):
    """TERYT codes of the gminy with a word of their name, without diacritics, trigram-similar
    to `word` (pg_trgm strict word similarity: "elku" -> Ełk, "suwalkach" -> Suwałki,
    "bielsk" -> Bielsk Podlaski). A scan of at most 2,477 short names: a few milliseconds.
    Fetched as a list on purpose: a literal IN list lets PostgreSQL combine the case table's
    municipality index with the full-text GIN index (BitmapOr), where a subquery in an OR
    forces a scan of every case."""
    return list(
        Municipality.objects.annotate(
            word_similarity=TrigramStrictWordSimilarity(fold(word), Lower(Unaccent("name")))
        )
        .filter(word_similarity__gte=GMINA_SIMILARITY)
        .values_list("teryt", flat=True)
    )


def search_filter(text):
    """A Q object selecting the cases that match `text`, or None when nothing in it can
    match (empty, or only function words). Every word must match: in the text (Polish stem
    or diacritics-free prefix) or as a word of the gmina's name (trigram similarity).
    Raises ValidationError for an over-long query."""
    words = query_words(clean_query(text))
    if not words:
        return None
    condition = Q()
    for word in words:
        condition &= Q(search_vector=tsquery([word])) | Q(
            municipality_id__in=similar_gminy(word)
        )
    return condition


def rank_expression(text):
    """How well a case's text matches the query (ts_rank, title and gmina weigh most)."""
    words = query_words(clean_query(text))
    if not words:
        return Value(0.0, output_field=FloatField())
    return SearchRank(F("search_vector"), tsquery(words))
