"""Submission data to and from cases: the values of a published case as the form's data
(for an edit), and an unsaved case built leniently from the data (for the preview)."""
import datetime

from django.contrib.gis.geos import Point

from geodata.models import Municipality
from practices.domain.choices import MAX_YEAR, MIN_YEAR, Licence
from practices.domain.facts import validate_facts
from practices.forms.base import is_whole_number
from practices.forms.place import parse_coordinate, teryt_in
from practices.models import ParticipationTool, Practice, PracticeLink

TEXT_KEYS = ("title", "summary", "description", "organiser", "organiser_type", "outcome",
             "lessons", "contact", "licence")


def data_from_practice(practice):
    """The canonical submission data of a case's current values."""
    location = practice.location
    data = {key: getattr(practice, key) or "" for key in TEXT_KEYS}
    data.update({
        "tool": practice.tool.slug,
        "year": str(practice.year) if practice.year else "",
        "end_year": str(practice.end_year) if practice.end_year else "",
        "start_date": practice.start_date.isoformat() if practice.start_date else "",
        "end_date": practice.end_date.isoformat() if practice.end_date else "",
        "participants": "" if practice.participants is None else str(practice.participants),
        "municipality": practice.municipality_id,
        "location": {"lon": location.x, "lat": location.y} if location else None,
        "facts": dict(practice.facts or {}),
        "links": [
            {"kind": link.kind, "url": link.url, "label": link.label}
            for link in practice.links.all()
        ],
        "images": list(practice.images.values_list("pk", flat=True)),
        "attachments": list(practice.attachments.values_list("pk", flat=True)),
    })
    return data


def _number(value, low, high):
    text = str(value if value is not None else "").strip()
    if not is_whole_number(text):
        return None
    number = int(text)
    return number if low <= number <= high else None


def _date(value):
    try:
        return datetime.date.fromisoformat(str(value or "").strip())
    except ValueError:
        return None


def preview_case(data):
    """(an unsaved Practice from the data, its links): what is valid is shown, what is not
    is left out; nothing is saved."""
    tool = ParticipationTool.objects.filter(slug=data.get("tool") or "").first()
    practice = Practice(
        **{key: str(data.get(key) or "") for key in TEXT_KEYS},
        year=_number(data.get("year"), MIN_YEAR, MAX_YEAR),
        end_year=_number(data.get("end_year"), MIN_YEAR, MAX_YEAR),
        start_date=_date(data.get("start_date")),
        end_date=_date(data.get("end_date")),
        participants=_number(data.get("participants"), 0, 2_000_000_000),
    )
    if practice.licence not in Licence.values:
        practice.licence = Licence.CC_BY
    if tool is not None:
        practice.tool = tool
        try:
            practice.facts = validate_facts(tool.slug, data.get("facts") or {})
        except Exception:  # noqa: BLE001 -- the preview shows what is valid, errors show at the step
            practice.facts = {}
    code = teryt_in(str(data.get("municipality") or ""))
    gmina = (
        Municipality.objects.select_related("county", "voivodeship").defer("boundary")
        .filter(teryt=code).first() if code else None
    )
    if gmina is not None:
        practice.municipality = gmina
        location = data.get("location") if isinstance(data.get("location"), dict) else {}
        lon = parse_coordinate(location.get("lon", ""), -180, 180)
        lat = parse_coordinate(location.get("lat", ""), -90, 90)
        practice.location = (
            Point(lon, lat, srid=4326) if lon is not None and lat is not None else gmina.point
        )
    links = [
        PracticeLink(kind=link.get("kind") or PracticeLink.Kind.SOURCE,
                     url=str(link.get("url", "")), label=str(link.get("label", "")))
        for link in (data.get("links") or []) if isinstance(link, dict) and link.get("url")
    ]
    return practice, links
