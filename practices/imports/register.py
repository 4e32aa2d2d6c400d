"""Finding a gmina of the register by TERYT code, or by name (diacritics-insensitive) with an
optional voivodeship. The register is read once per import, so ten thousand rows cost ten
thousand dictionary look-ups, not queries.

Policies:
- A TERYT code settles the gmina; a name given beside it must be that gmina's name. A code of
  six digits gets back the leading zero a spreadsheet dropped (201011 -> 0201011).
- A name that several gminy share (Bolesławiec: urban and rural in dolnośląskie, and another in
  łódzkie) is ambiguous unless the voivodeship or the code tells them apart; the error lists
  the candidates with their codes.
- `city()` (Pabulib) prefers the town: an urban gmina over an urban-rural one over a rural one
  of the same name.
- An unknown name is refused with the closest names of the register.
"""
import difflib
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from geodata.models import Municipality, MunicipalityType, Voivodeship
from practices.domain.search import fold

_PREFIXES = re.compile(r"^(gmina|gm\.|miasto|m\.|m\.st\.|województwo|wojewodztwo)\s+")
# Which gmina a participatory budget's "unit" means, best first: the town, not a rural gmina
# of the same name (the rural gmina around a town often carries the town's name).
CITY_ORDER = {MunicipalityType.URBAN: 0, MunicipalityType.URBAN_RURAL: 1,
              MunicipalityType.RURAL: 2}


def key(text):
    """The comparison form of a name: folded, lower case, single spaces, no "gmina"."""
    text = " ".join(fold(str(text)).casefold().split())
    return _PREFIXES.sub("", text).strip()


@dataclass(frozen=True)
class Gmina:
    teryt: str
    name: str
    type: str
    voivodeship: str
    voivodeship_name: str

    def __str__(self):
        kind = dict(MunicipalityType.choices).get(self.type, self.type)
        return f"{self.name} ({self.teryt}, {kind}, {self.voivodeship_name})"


class NotFound(Exception):
    """The message says why and lists candidates or the closest names."""


class Register:
    def __init__(self):
        self.by_teryt, self.by_name = {}, {}
        rows = Municipality.objects.values_list(
            "teryt", "name", "type", "voivodeship_id", "voivodeship__name")
        for row in rows:
            gmina = Gmina(*row)
            self.by_teryt[gmina.teryt] = gmina
            self.by_name.setdefault(key(gmina.name), []).append(gmina)
        self.voivodeships = {}
        for code, name in Voivodeship.objects.values_list("teryt", "name"):
            self.voivodeships[code] = code
            self.voivodeships[key(name)] = code

    def __len__(self):
        return len(self.by_teryt)

    def voivodeship(self, text):
        """The 2-digit code of a voivodeship given by code or name, or NotFound."""
        code = self.voivodeships.get(key(text)) or self.voivodeships.get(str(text).strip())
        if code is None:
            raise NotFound(_("unknown voivodeship %(value)s: give its name (e.g. podlaskie) "
                             "or its 2-digit TERYT code") % {"value": repr(str(text))})
        return code

    def find(self, teryt="", name="", voivodeship=""):
        """The Gmina the code, or the name (within the voivodeship when given), designates."""
        if teryt:
            teryt = str(teryt).strip()
            if re.fullmatch(r"[0-9]{6}", teryt):
                teryt = "0" + teryt  # a spreadsheet that took the code for a number
            gmina = self.by_teryt.get(teryt)
            if gmina is None:
                raise NotFound(_("no gmina has the TERYT code %(code)s (7 digits, e.g. "
                                 "2061011)") % {"code": repr(str(teryt))})
            if name and key(name) != key(gmina.name):
                raise NotFound(_("the TERYT code %(code)s is the gmina %(gmina)s, not "
                                 "%(name)s: correct one of them") % {
                                     "code": gmina.teryt, "gmina": gmina.name, "name": name})
            return gmina
        if not name:
            raise NotFound(_("give the gmina's TERYT code or its name"))
        candidates = self.by_name.get(key(name), [])
        if voivodeship:
            code = self.voivodeship(voivodeship)
            candidates = [gmina for gmina in candidates if gmina.voivodeship == code]
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            raise self.unknown(name)
        raise NotFound(_("%(name)s is ambiguous: %(candidates)s; give the TERYT code") % {
            "name": name, "candidates": "; ".join(str(gmina) for gmina in candidates)})

    def city(self, name):
        """The gmina a participatory budget's unit means: of those with this name, the town
        (see CITY_ORDER); two towns of one name are ambiguous."""
        candidates = sorted(self.by_name.get(key(name), []),
                            key=lambda gmina: CITY_ORDER.get(gmina.type, 3))
        if not candidates:
            raise self.unknown(name)
        best = [gmina for gmina in candidates if gmina.type == candidates[0].type]
        if len(best) > 1:
            raise NotFound(_("%(name)s is ambiguous: %(candidates)s; give the TERYT code") % {
                "name": name, "candidates": "; ".join(str(gmina) for gmina in best)})
        return best[0]

    def unknown(self, name):
        close = difflib.get_close_matches(key(name), list(self.by_name), n=5, cutoff=0.6)
        names = [str(gmina) for found in close for gmina in self.by_name[found]]
        if not names:
            return NotFound(_("no gmina is called %(name)s") % {"name": name})
        return NotFound(_("no gmina is called %(name)s; the closest names: %(names)s") % {
            "name": name, "names": "; ".join(names)})
