"""The place of a case: its gmina (by name or TERYT code, diacritics-insensitive) and an
optional point, which must lie inside the gmina.

The gmina field accepts what people type: a 7-digit TERYT code, "Supraśl (2010063)" as the
picker writes it, or a name ("Suprasl" finds Supraśl) when exactly one gmina has it. The point
is given as longitude and latitude (the map fills them in; keyboard users can type them)."""
import math
import re

from django import forms
from django.contrib.gis.geos import Point
from django.contrib.postgres.lookups import Unaccent
from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from geodata.models import Municipality
from practices.domain.search import fold
from practices.forms.base import StepForm

SEARCH_LIMIT = 10
MAX_QUERY = 100
_TERYT = re.compile(r"(?:^|\()\s*([0-9]{7})\s*(?:\)|$)")
_DIGITS = re.compile(r"^[0-9]{1,7}$")


def teryt_in(text):
    """The 7-digit TERYT code in what was typed ("2010063", "Supraśl (2010063)"), or None."""
    match = _TERYT.search((text or "").strip())
    return match.group(1) if match else None


def label_of(gmina):
    return f"{gmina['name']} ({gmina['teryt']})"


def search_gminy(query, limit=SEARCH_LIMIT):
    """Gminy whose name or TERYT code matches `query`: digits match codes by their start
    ("2002" finds 2002011...), words match names without regard to case or diacritics,
    names starting with the query first. Each as {teryt, name, county, voivodeship, label}."""
    # PostgreSQL text cannot hold NUL; no name or code contains one.
    query = (query or "").replace("\x00", "").strip()[:MAX_QUERY]
    if not query:
        return []
    rows = Municipality.objects.values("teryt", "name", "county__name", "voivodeship__name")
    if _DIGITS.match(query):
        rows = rows.filter(teryt__startswith=query).order_by("teryt")
    else:
        folded = fold(query).lower()
        rows = (
            rows.annotate(folded=Lower(Unaccent("name")))
            .filter(folded__contains=folded)
            .annotate(rank=Case(When(folded__startswith=folded, then=Value(0)), default=Value(1),
                                output_field=IntegerField()))
            .order_by("rank", "name", "teryt")
        )
    return [
        {"teryt": row["teryt"], "name": row["name"], "county": row["county__name"],
         "voivodeship": row["voivodeship__name"], "label": label_of(row)}
        for row in rows[:limit]
    ]


def gmina_at(lon, lat):
    """The gmina containing the point (lon, lat), as {teryt, name, label}, or None."""
    point = Point(lon, lat, srid=4326)
    row = (
        Municipality.objects.filter(boundary__contains=point)
        .values("teryt", "name").order_by("teryt").first()
    )
    if row is None:
        # On a border: the point touches two gminy; either is right.
        row = (
            Municipality.objects.filter(boundary__intersects=point)
            .values("teryt", "name").order_by("teryt").first()
        )
    return {**row, "label": label_of(row)} if row else None


def parse_coordinate(text, low, high):
    """A float from what was typed (a comma allowed), within [low, high], or None."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        value = float(text)
    else:
        try:
            value = float(str(text).strip().replace(",", "."))
        except ValueError:
            return None
    return value if math.isfinite(value) and low <= value <= high else None


def resolve_gmina(text):
    """(the gmina's row, None) for what was typed, or (None, an error message)."""
    text = (text or "").strip()
    code = teryt_in(text)
    if code:
        row = Municipality.objects.filter(teryt=code).values("teryt", "name").first()
        if row is None:
            return None, _("There is no gmina with the TERYT code %(code)s: check the code or "
                           "type the gmina's name.") % {"code": code}
        return row, None
    found = search_gminy(text, limit=SEARCH_LIMIT)
    exact = [row for row in found if fold(row["name"]).lower() == fold(text).lower()]
    if len(exact) == 1:
        return exact[0], None
    if not found:
        return None, _("No gmina is called “%(text)s”: type its name (e.g. Supraśl) or its "
                       "7-digit TERYT code (e.g. 2010063).") % {"text": text}
    return None, _("Several gminy match “%(text)s”: choose one from the list or type its "
                   "TERYT code, e.g. %(examples)s.") % {
        "text": text, "examples": ", ".join(row["label"] for row in (exact or found)[:4]),
    }


class PlaceForm(StepForm):
    intro = _(
        "Where did it happen? Choose the gmina by its name or TERYT code. You may also mark "
        "the exact place on the map or type its coordinates; without a point the case is "
        "shown at the gmina's centre."
    )
    data_keys = ("municipality", "location")

    municipality = forms.CharField(
        label=_("Gmina"), max_length=200,
        error_messages={"required": _("Choose the gmina where the case took place.")},
        help_text=_("Type the name or the TERYT code and choose from the list, e.g. "
                    "“Supraśl” or “2010063”. Letters without Polish diacritics work too."),
    )
    lon = forms.CharField(
        label=pgettext_lazy("case form", "Longitude"), required=False, max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=_("Optional: east, in degrees, e.g. 23.3456. Clicking the map fills it."),
    )
    lat = forms.CharField(
        label=pgettext_lazy("case form", "Latitude"), required=False, max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=_("Optional: north, in degrees, e.g. 53.2134. Clicking the map fills it."),
    )

    @classmethod
    def initial_from(cls, data, **kwargs):
        typed = str(data.get("municipality") or "")
        initial = {"municipality": typed}
        code = teryt_in(typed)
        if code:
            row = Municipality.objects.filter(teryt=code).values("teryt", "name").first()
            if row:
                initial["municipality"] = label_of(row)
        location = data.get("location")
        if isinstance(location, dict):
            initial["lon"], initial["lat"] = location.get("lon", ""), location.get("lat", "")
        return initial

    @classmethod
    def typed(cls, post, **kwargs):
        typed = {}
        if "municipality" in post:
            text = post.get("municipality", "")
            code = teryt_in(text)
            if code is None and text.strip():
                row, _error = resolve_gmina(text)
                code = row["teryt"] if row else None
            typed["municipality"] = code or text
        if "lon" in post or "lat" in post:
            lon, lat = post.get("lon", "").strip(), post.get("lat", "").strip()
            typed["location"] = {"lon": lon, "lat": lat} if lon or lat else None
        return typed

    def clean(self):
        cleaned = super().clean()
        self.gmina = None
        if cleaned.get("municipality"):
            self.gmina, error = resolve_gmina(cleaned["municipality"])
            if error:
                self.add_error("municipality", error)
        lon_text, lat_text = cleaned.get("lon", ""), cleaned.get("lat", "")
        if not lon_text and not lat_text:
            return cleaned
        lon, lat = parse_coordinate(lon_text, -180, 180), parse_coordinate(lat_text, -90, 90)
        if lon is None:
            self.add_error("lon", _("Enter the longitude as a number of degrees from -180 to "
                                    "180, e.g. 23.3456, or leave both coordinates empty."))
        if lat is None:
            self.add_error("lat", _("Enter the latitude as a number of degrees from -90 to 90, "
                                    "e.g. 53.2134, or leave both coordinates empty."))
        if lon is None or lat is None or self.gmina is None:
            return cleaned
        error = point_outside_gmina_error(self.gmina, lon, lat)
        if error:
            self.add_error("lon", error)
        return cleaned


def point_outside_gmina_error(gmina, lon, lat):
    """None when the point lies in the gmina (its border counts as inside), else a message
    naming the gmina the point lies in."""
    point = Point(lon, lat, srid=4326)
    if Municipality.objects.filter(teryt=gmina["teryt"], boundary__intersects=point).exists():
        return None
    inside = gmina_at(lon, lat)
    if inside is None:
        return _("The point lies outside every gmina in the register, not in %(chosen)s: "
                 "click inside %(chosen)s or leave the point empty.") % {"chosen": gmina["name"]}
    return _("The point lies in the gmina %(other)s (%(teryt)s), not in %(chosen)s: click "
             "inside %(chosen)s, or choose %(other)s as the gmina.") % {
        "other": inside["name"], "teryt": inside["teryt"], "chosen": gmina["name"],
    }
