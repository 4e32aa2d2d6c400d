"""Slugs of cases: ASCII, readable, stable and unique.

Policy: a slug is generated once, from the title, the gmina's name and the year (each added
only when the title does not already contain it), with Polish letters transliterated
("Ełk" -> "elk"; Django's slugify would drop the "ł"). On a collision a numeric suffix is
added (-2, -3, ...). A saved slug is never regenerated, even when the title changes, because
it is in every link to the case.
"""
import re

from practices.domain.search import fold

MAX_LENGTH = 200  # leaves room for a suffix within the field's 220 characters


def ascii_slug(text):
    """`text` as lowercase ASCII words joined by hyphens: "Budżet Łomży" -> "budzet-lomzy"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def base_slug(title, gmina_name="", year=None):
    slug = ascii_slug(title)
    for extra in (ascii_slug(gmina_name or ""), str(year or "")):
        if extra and f"-{extra}-" not in f"-{slug}-":
            slug = f"{slug}-{extra}" if slug else extra
    slug = slug[:MAX_LENGTH].rstrip("-")
    return slug or "case"


def unique_slug(base, taken):
    """`base`, or `base-2`, `base-3`, ... whichever `taken(slug)` says is free."""
    candidate, number = base, 1
    while taken(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate
