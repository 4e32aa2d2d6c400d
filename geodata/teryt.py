"""TERYT (TERC) codes of Polish administrative units: pure parsing, no database.

A gmina code has seven digits WWPPGGR: voivodeship WW, county PP, gmina GG and type R.
R is 1 (urban gmina), 2 (rural) or 3 (urban-rural). Codes ending in 4 or 5 are the town and
rural parts of an urban-rural gmina, 8 and 9 districts and delegations of cities: they are
not gminy and are refused. Codes are text: leading zeros matter (0201011).
"""
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

GMINA_TYPES = {"1": "urban", "2": "rural", "3": "urban-rural"}
NOT_GMINA = {
    "4": gettext_lazy("the town part of an urban-rural gmina"),
    "5": gettext_lazy("the rural part of an urban-rural gmina"),
    "8": gettext_lazy("a district (dzielnica) of a city"),
    "9": gettext_lazy("a delegation (delegatura) of a city"),
}
# ASCII digits only: str.isdigit() also takes "²" (which int() refuses) and other scripts' digits.
_DIGITS = re.compile(r"[0-9]+")
LEVEL_LENGTHS = {"wojewodztwo": 2, "powiat": 4, "gmina": 7}


class TerytError(ValueError):
    """A code that is not a valid TERYT code of the expected level."""


@dataclass(frozen=True)
class GminaCode:
    code: str

    @property
    def voivodeship(self):
        return self.code[:2]

    @property
    def county(self):
        return self.code[:4]

    @property
    def type_digit(self):
        return self.code[6]


def normalise(value):
    """Strip whitespace; give back text (a code read as a number loses its zeros: refuse it)."""
    if value is None:
        raise TerytError(_("the TERYT code is empty"))
    if isinstance(value, int | float):
        raise TerytError(
            _("the TERYT code %(code)r is a number: codes are text with leading zeros")
            % {"code": value}
        )
    return str(value).strip()


def parse_voivodeship(value):
    code = normalise(value)
    if len(code) != 2 or not _DIGITS.fullmatch(code):
        raise TerytError(
            _("%(code)r is not a voivodeship TERYT code: expected 2 digits, e.g. 20")
            % {"code": code}
        )
    if int(code) % 2 or not 2 <= int(code) <= 32:
        raise TerytError(
            _("%(code)r is not a voivodeship TERYT code: use an even number 02..32")
            % {"code": code}
        )
    return code


def parse_county(value):
    code = normalise(value)
    if len(code) != 4 or not _DIGITS.fullmatch(code):
        raise TerytError(
            _("%(code)r is not a county TERYT code: expected 4 digits, e.g. 2061") % {"code": code}
        )
    parse_voivodeship(code[:2])
    if code[2:] == "00":
        raise TerytError(
            _("%(code)r is not a county TERYT code: county 00 does not exist") % {"code": code}
        )
    return code


def parse_gmina(value):
    """Validate a 7-digit gmina code and return it split; refuse parts and districts."""
    code = normalise(value)
    if len(code) != 7 or not _DIGITS.fullmatch(code):
        raise TerytError(
            _("%(code)r is not a gmina TERYT code: expected 7 digits WWPPGGR, e.g. 2061011")
            % {"code": code}
        )
    parse_county(code[:4])
    kind = code[6]
    if kind in NOT_GMINA:
        raise TerytError(
            _("%(code)r is %(what)s, not a gmina (type digit %(digit)s)")
            % {"code": code, "what": NOT_GMINA[kind], "digit": kind}
        )
    if kind not in GMINA_TYPES:
        raise TerytError(
            _(
                "%(code)r has type digit %(digit)s: a gmina ends in 1 (urban), 2 (rural) or "
                "3 (urban-rural)"
            )
            % {"code": code, "digit": kind}
        )
    if code[4:6] == "00":
        raise TerytError(
            _("%(code)r is not a gmina TERYT code: gmina number 00 does not exist")
            % {"code": code}
        )
    return GminaCode(code)


def parse(value, level):
    """Parse a code of the given level: 'wojewodztwo', 'powiat' or 'gmina'."""
    if level == "wojewodztwo":
        return parse_voivodeship(value)
    if level == "powiat":
        return parse_county(value)
    if level == "gmina":
        return parse_gmina(value).code
    raise ValueError(f"unknown level {level!r}: use one of {', '.join(LEVEL_LENGTHS)}")


def level_of(value):
    """The level a code belongs to by its length, or None."""
    code = normalise(value)
    for level, length in LEVEL_LENGTHS.items():
        if len(code) == length:
            return level
    return None


# The sixteen voivodeships (unchanged since 1999), named as TERC names them in lower case.
# A gmina file that gives only codes (PRG) still gets its voivodeship rows named.
VOIVODESHIP_NAMES = {
    "02": "dolnośląskie",
    "04": "kujawsko-pomorskie",
    "06": "lubelskie",
    "08": "lubuskie",
    "10": "łódzkie",
    "12": "małopolskie",
    "14": "mazowieckie",
    "16": "opolskie",
    "18": "podkarpackie",
    "20": "podlaskie",
    "22": "pomorskie",
    "24": "śląskie",
    "26": "świętokrzyskie",
    "28": "warmińsko-mazurskie",
    "30": "wielkopolskie",
    "32": "zachodniopomorskie",
}

COUNTY = "powiat"
CITY_COUNTY = "miasto na prawach powiatu"
CAPITAL_CITY_COUNTY = "miasto stołeczne, na prawach powiatu"
CAPITAL_COUNTY = "1465"


def county_kind(value):
    """The kind of a county as TERC names it: county numbers from 61 up are cities with
    powiat rights, and 1465 is Warszawa, the capital."""
    code = parse_county(value)
    if code == CAPITAL_COUNTY:
        return CAPITAL_CITY_COUNTY
    if int(code[2:]) >= 61:
        return CITY_COUNTY
    return COUNTY


def level_from_lengths(codes):
    """The one level the text codes' lengths point to, or None when they point to several or
    to none. Codes of no known length, and values that are not text, do not count: parsing
    refuses them later, each with the feature it came from."""
    levels = {level_of(code) for code in codes if isinstance(code, str)} - {None}
    if len(levels) == 1:
        return levels.pop()
    return None
