"""The canonical submission data (`Submission.data`) turned into a case's model values.

`clean_case_data(data)` is the one validation of what a member typed; `submit` and `publish`
use it, and the step-by-step form calls it to show errors. The data is JSON as typed (strings
allowed everywhere); a missing key means empty. Errors are one ValidationError whose
`message_dict` is keyed like the data: "title", "year", "municipality", "location",
"facts.<key>" for a tool's fact, "links.<i>.url" for a link.

Rules beyond the model's own (`Practice.clean`, run through `full_clean`):
- numbers are whole ASCII digits ("2024", not "²⁰²⁴"), dates ISO `YYYY-MM-DD`;
- the tool is a slug of a ParticipationTool, the gmina a 7-digit TERYT code of the register;
- a location is {"lon": .., "lat": ..} in WGS 84, finite and in range, inside the gmina (its
  border counts as inside); a point in another gmina is refused naming that gmina (found in
  PostGIS, ST_Contains);
- facts go through `validate_facts` for the chosen tool;
- links are http(s) addresses of at most 500 characters, kind "source" or "link";
- the description is stored as Markdown and rendered through the allow-list
  (practices.domain.markdown) wherever it is shown.
"""
import datetime
import math
import re
from dataclasses import dataclass, field

from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from geodata.models import Municipality
from practices.domain.choices import Licence
from practices.domain.facts import validate_facts
from practices.models import ParticipationTool, Practice, PracticeLink

TEXT_FIELDS = ("title", "summary", "description", "organiser", "organiser_type", "outcome",
               "lessons", "contact", "licence")
# The model fields a submission sets, in the order a moderator reads them.
CASE_FIELDS = ("tool", "title", "summary", "description", "municipality", "location", "year",
               "end_year", "start_date", "end_date", "organiser", "organiser_type",
               "participants", "outcome", "lessons", "contact", "licence", "facts")
MAX_LINKS = 30
MAX_MEDIA = 50
_DIGITS = re.compile(r"[0-9]{1,10}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_URL = URLValidator(schemes=["http", "https"])
_URL_MAX, _LABEL_MAX = 500, 200


@dataclass
class CaseValues:
    """Model values of a case: `fields` for Practice, `links` as (kind, url, label), the ids
    of the images and attachments the data lists."""

    fields: dict
    links: list = field(default_factory=list)
    images: list = field(default_factory=list)
    attachments: list = field(default_factory=list)

    def apply_to(self, practice):
        """Set the fields on `practice` (not saved)."""
        for name, value in self.fields.items():
            setattr(practice, name, value)

    def write_links(self, practice):
        """Replace the case's links by these (the practice must be saved)."""
        practice.links.all().delete()
        PracticeLink.objects.bulk_create([
            PracticeLink(practice=practice, kind=kind, url=url, label=label, position=position)
            for position, (kind, url, label) in enumerate(self.links)
        ])


def _text(value):
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise ValueError
    return str(value).strip()


def _whole(value, key, errors, *, required=False):
    if value is None or value == "":
        if required:
            errors[key] = [_("This field is required.")]
        return None
    if isinstance(value, bool):
        errors[key] = [_("Enter a whole number, e.g. 2024.")]
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        return int(value.strip())
    errors[key] = [_("Enter a whole number, e.g. 2024.")]
    return None


def _date(value, key, errors):
    if value is None or value == "":
        return None
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    errors[key] = [_("Enter a date as YYYY-MM-DD, e.g. 2024-05-31.")]
    return None


def _tool(value, errors):
    slug = value if isinstance(value, str) else ""
    tool = ParticipationTool.objects.filter(slug=slug.strip()).first() if slug else None
    if tool is None:
        errors["tool"] = [_("Choose one of the participation tools.")]
    return tool


def _municipality(value, errors):
    teryt = value.strip() if isinstance(value, str) else ""
    gmina = None
    if re.fullmatch(r"[0-9]{7}", teryt):
        gmina = Municipality.objects.defer("display_boundary").filter(pk=teryt).first()
    if gmina is None:
        errors["municipality"] = [_(
            "Choose a gmina from the list (by name or its 7-digit TERYT code).")]
    return gmina


def _number(value):
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, str):
        value = value.strip().replace(",", ".")
        if not re.fullmatch(r"-?[0-9]{1,3}(\.[0-9]{1,15})?", value):
            raise ValueError
    number = float(value)
    if not math.isfinite(number):
        raise ValueError
    return number


def _location(value, gmina, errors):
    """The point, or None (the gmina's representative point is used then)."""
    if value in (None, "", {}):
        return None
    try:
        lon, lat = _number(value["lon"]), _number(value["lat"])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise ValueError
    except (TypeError, KeyError, ValueError):
        errors["location"] = [_(
            "Give the place as a point on the map: longitude and latitude in degrees "
            "(WGS 84).")]
        return None
    point = Point(lon, lat, srid=4326)
    if gmina is None:
        return point
    if Municipality.objects.filter(pk=gmina.pk, boundary__intersects=point).exists():
        return point
    other = Municipality.objects.filter(boundary__contains=point).values_list(
        "name", flat=True).first()
    if other:
        errors["location"] = [_(
            "The point lies in the gmina %(other)s, not in %(gmina)s: put the point inside "
            "%(gmina)s or choose %(other)s as the gmina.") % {"other": other,
                                                              "gmina": gmina.name}]
    else:
        errors["location"] = [_(
            "The point lies outside the gmina %(gmina)s and outside every gmina in the "
            "register: put the point inside %(gmina)s.") % {"gmina": gmina.name}]
    return None


def _facts(value, tool, errors):
    if tool is None or value in (None, "", {}):
        return {}
    try:
        return validate_facts(tool.slug, value)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for key, messages in error.message_dict.items():
                errors[f"facts.{key}"] = messages
        else:
            errors["facts"] = error.messages
    return {}


def _links(value, errors):
    if value in (None, ""):
        return []
    if not isinstance(value, list) or len(value) > MAX_LINKS:
        errors["links"] = [_("Give at most %(max)d links.") % {"max": MAX_LINKS}]
        return []
    links = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            errors[f"links.{index}.url"] = [_("Enter a web address starting with https://.")]
            continue
        kind = _text(item.get("kind")) or PracticeLink.Kind.SOURCE
        url = item.get("url")
        url = url.strip() if isinstance(url, str) else ""
        label = item.get("label")
        label = label.strip() if isinstance(label, str) else ""
        if not url and not label:
            continue  # an empty row of the form
        if kind not in PracticeLink.Kind.values:
            errors[f"links.{index}.kind"] = [_("Choose a source or a link.")]
        try:
            if len(url) > _URL_MAX:
                raise ValidationError("too long")
            _URL(url)
        except ValidationError:
            errors[f"links.{index}.url"] = [_(
                "Enter a web address starting with http:// or https:// (at most %(max)d "
                "characters).") % {"max": _URL_MAX}]
        if len(label) > _LABEL_MAX:
            errors[f"links.{index}.label"] = [_(
                "At most %(max)d characters.") % {"max": _LABEL_MAX}]
        links.append((kind, url, label))
    return links


def _ids(value, key, errors):
    if value in (None, ""):
        return []
    if (not isinstance(value, list) or len(value) > MAX_MEDIA
            or not all(isinstance(i, int) and not isinstance(i, bool) for i in value)):
        errors[key] = [_("The list of files is damaged: upload the files again.")]
        return []
    return list(dict.fromkeys(value))


def clean_case_data(data, *, practice=None):
    """The CaseValues of `data` (the canonical submission data), or a ValidationError keyed
    by data key listing every problem at once. `practice`, the case being edited, is accepted
    for symmetry with the callers; no rule depends on it today (the slug and the import key,
    the only unique values, are never set from the data)."""
    if not isinstance(data, dict):
        raise ValidationError({"data": [_("The form's data is damaged: start again.")]})
    errors, values = {}, {}
    for key in TEXT_FIELDS:
        try:
            values[key] = _text(data.get(key))
        except ValueError:
            errors[key] = [_("Enter text.")]
    values["licence"] = values.get("licence") or Licence.CC_BY
    tool = _tool(data.get("tool"), errors)
    gmina = _municipality(data.get("municipality"), errors)
    values["year"] = _whole(data.get("year"), "year", errors, required=True)
    values["end_year"] = _whole(data.get("end_year"), "end_year", errors)
    values["participants"] = _whole(data.get("participants"), "participants", errors)
    values["start_date"] = _date(data.get("start_date"), "start_date", errors)
    values["end_date"] = _date(data.get("end_date"), "end_date", errors)
    values["location"] = _location(data.get("location"), gmina, errors)
    values["facts"] = _facts(data.get("facts"), tool, errors)
    links = _links(data.get("links"), errors)
    images = _ids(data.get("images"), "images", errors)
    attachments = _ids(data.get("attachments"), "attachments", errors)
    if tool is not None:
        values["tool"] = tool
    if gmina is not None:
        values["municipality"] = gmina

    # The model's own rules (lengths, choices, ranges, end before start, plain-text summary).
    candidate = Practice(**{name: value for name, value in values.items() if name not in errors})
    exclude = {"slug", "status", *errors}
    if tool is None:
        exclude.add("tool")
    if gmina is None:
        exclude.add("municipality")
    try:
        candidate.full_clean(exclude=sorted(exclude), validate_unique=False,
                            validate_constraints=False)
    except ValidationError as error:
        for key, messages in error.message_dict.items():
            if key not in errors and not any(k.startswith(f"{key}.") for k in errors):
                errors[key] = messages
    if errors:
        raise ValidationError(errors)
    fields = {name: getattr(candidate, name) for name in CASE_FIELDS}
    fields["facts"] = values["facts"]
    return CaseValues(fields=fields, links=links, images=images, attachments=attachments)
