"""A case as a moderator reads it: each field with its label and a readable value, the facts
labelled one by one, the links and media; and the field-level difference between two such
readings (the published version and a submission, or two versions from the history).

A submission's data is read through moderation.clean_case_data, so the values shown are the
ones publishing would store; data that no longer validates (a moderator's unfinished edit) is
shown as typed, with the problems beside it."""
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from geodata.models import Municipality
from practices import moderation
from practices.domain.facts import display_facts
from practices.models import CaseAttachment, CaseImage, ParticipationTool, Practice

# (model field, data key) in reading order; the facts and links come after them.
FIELDS = ("title", "tool", "municipality", "year", "end_year", "start_date", "end_date",
          "location", "summary", "description", "organiser", "organiser_type", "participants",
          "outcome", "lessons", "contact", "licence")


@dataclass
class Row:
    key: str
    label: str
    value: str


@dataclass
class Change:
    key: str
    label: str
    old: str
    new: str


def _label(name):
    return str(Practice._meta.get_field(name).verbose_name)


def _value(practice, name):
    value = getattr(practice, name, None)
    if value in (None, ""):
        return ""
    if name == "tool":
        return value.name
    if name == "municipality":
        return f"{value.name} ({value.teryt})"
    if name == "location":
        return f"{value.y:.5f}, {value.x:.5f}"
    if name in ("start_date", "end_date"):
        return date_format(value, "DATE_FORMAT")
    if name in ("organiser_type", "licence"):
        return str(getattr(practice, f"get_{name}_display")())
    return str(value)


def _link_text(kind, url, label):
    kinds = {"source": _("source"), "link": _("link")}
    return f"{kinds.get(kind, kind)}: {label + ' – ' if label else ''}{url}"


def read_practice(practice, links=None, media=None):
    """Rows of a case: its fields, then each fact ("facts.<key>"), each link and its media."""
    rows = [Row(name, _label(name), _value(practice, name)) for name in FIELDS]
    if practice.tool_id:
        rows += [Row(f"facts.{fact.key}", _("Fact: %(label)s") % {"label": fact.label},
                     strip_tags(str(fact.value))) for fact in display_facts(practice)]
    if links is None:
        links = [(link.kind, link.url, link.label) for link in practice.links.all()]
    rows += [Row(f"links.{index}", _("Link %(number)d") % {"number": index + 1},
                 _link_text(*link)) for index, link in enumerate(links)]
    for key, label, names in media or ():
        rows += [Row(f"{key}.{index}", f"{label} {index + 1}", name)
                 for index, name in enumerate(names)]
    return rows


def _media_names(values):
    images = CaseImage.objects.filter(pk__in=values.images).in_bulk()
    files = CaseAttachment.objects.filter(pk__in=values.attachments).in_bulk()
    return [
        ("images", _("Image"), [str(images[pk]) for pk in values.images if pk in images]),
        ("attachments", _("Attachment"), [str(files[pk]) for pk in values.attachments
                                         if pk in files]),
    ]


def _practice_media(practice):
    return [
        ("images", _("Image"), [str(image) for image in practice.images.all()]),
        ("attachments", _("Attachment"), [str(item) for item in practice.attachments.all()]),
    ]


def read_submission(submission):
    """(rows, errors) of a submission's data: the values publishing would store, or, when
    the data does not validate, the data as typed and the problems by key."""
    try:
        values = moderation.clean_case_data(submission.data)
    except ValidationError as error:
        return _raw_rows(submission.data), error.message_dict
    candidate = Practice(**values.fields)
    if candidate.location is None and candidate.municipality_id:
        candidate.location = candidate.municipality.point  # what saving would store
    return read_practice(candidate, values.links, _media_names(values)), {}


def _raw_rows(data):
    rows = []
    for name in FIELDS:
        value = data.get(name)
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        rows.append(Row(name, _label(name), "" if value is None else str(value)))
    for key, value in (data.get("facts") or {}).items() if isinstance(
            data.get("facts"), dict) else ():
        rows.append(Row(f"facts.{key}", _("Fact: %(label)s") % {"label": key}, str(value)))
    for index, link in enumerate(data.get("links") or []):
        if isinstance(link, dict):
            rows.append(Row(f"links.{index}", _("Link %(number)d") % {"number": index + 1},
                            _link_text(link.get("kind", ""), link.get("url", ""),
                                       link.get("label", ""))))
    return rows


def cases():
    """Cases with their tool and gmina, the gmina's boundaries left in PostGIS (a gmina's
    boundary can weigh megabytes; the pages show its name)."""
    return (Practice.objects.select_related("tool", "municipality")
            .defer("municipality__boundary", "municipality__display_boundary"))


def read_versions(versions):
    """The readings of history versions (django-simple-history records), their tools and
    gminy fetched once. Links are not versioned, so they are not read."""
    tools = ParticipationTool.objects.in_bulk({version.tool_id for version in versions})
    gminy = Municipality.objects.defer("boundary", "display_boundary").in_bulk(
        {version.municipality_id for version in versions})
    readings = []
    for version in versions:
        instance = version.instance
        if version.tool_id in tools:
            instance.tool = tools[version.tool_id]
        if version.municipality_id in gminy:
            instance.municipality = gminy[version.municipality_id]
        readings.append(read_practice(instance, links=[]))
    return readings


def read_published(practice):
    return read_practice(practice, media=_practice_media(practice))


def diff(old_rows, new_rows):
    """The changes from `old_rows` to `new_rows`, per key, in reading order: fields, then
    facts, links and media (added or removed ones show an empty side)."""
    old = {row.key: row for row in old_rows}
    new = {row.key: row for row in new_rows}
    keys = list(dict.fromkeys([*(row.key for row in old_rows), *(row.key for row in new_rows)]))
    changes = []
    for key in keys:
        before, after = old.get(key), new.get(key)
        old_value = before.value if before else ""
        new_value = after.value if after else ""
        if old_value != new_value:
            changes.append(Change(key, (after or before).label, old_value, new_value))
    return changes
