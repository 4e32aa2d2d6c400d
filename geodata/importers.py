"""Import of administrative boundaries (gminy, powiaty, województwa), keyed by TERYT.

Policies:
- The whole input is read and checked before anything is written. A malformed, duplicate or
  non-gmina code (parts 4/5, districts 8/9), a missing name, an empty or non-polygonal
  geometry, or a geometry outside Poland (a wrong CRS) stops the import with every problem
  listed and the database untouched.
- An invalid polygon (self-intersection, bad ring) is repaired with make_valid and listed in
  the report as repaired, by TERYT and name.
- `voivodeships` restricts the import: other features are skipped (counted in the report).
- The write is one transaction, serialised against concurrent imports. Rows are upserted by
  TERYT and reported as created, updated (with the fields that changed) or unchanged.
- Nothing is ever deleted: gminy in the database, in the voivodeships the import covers, that
  the source lacks are reported as vanished and kept (cases may hang on them).
- Parents: a gmina's county and voivodeship follow from its code. Missing ones are created
  from what the file says (the shared files name them; PRG gives codes only, and the
  voivodeship's official name is used); a later powiat or województwo import fills in names
  and boundaries.
- After a gmina import the display boundaries of all gminy are recomputed (geodata.display).
- dry_run does all of it, then rolls back.
"""
import time
from collections import Counter
from dataclasses import dataclass, field

import shapely
from django.contrib.gis.geos import GEOSGeometry
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from geodata import display, teryt
from geodata.errors import (  # noqa: F401 -- re-exported: callers import from the importer
    BoundaryImportError,
    CRSError,
    FieldError,
    InvalidFeatures,
    LayerError,
    LevelError,
    SourceError,
)
from geodata.models import County, Municipality, Voivodeship
from geodata.signals import register_changed
from geodata.sources import open_layer

LEVELS = ("gmina", "powiat", "wojewodztwo")
# Poland's extent with a margin, in lon/lat: a feature outside it was read in the wrong CRS.
POLAND_ENVELOPE = (13.0, 48.0, 25.2, 55.9)
NAME_PREFIXES = {"powiat": "powiat ", "wojewodztwo": "województwo "}
NAME_MAX_LENGTH = 100
BATCH = 500
# Key of the PostgreSQL advisory lock that serialises imports.
IMPORT_LOCK = 2_061_011


@dataclass(frozen=True)
class Problem:
    number: int
    code: object
    message: str

    def __str__(self):
        return _("feature %(number)d (%(code)s): %(message)s") % {
            "number": self.number, "code": self.code if self.code not in (None, "") else "-",
            "message": self.message}


@dataclass(frozen=True)
class Change:
    """One unit in a report: its code, name and a detail (changed fields, a reason)."""

    teryt: str
    name: str
    detail: str = ""


@dataclass
class Unit:
    number: int
    teryt: str
    name: str
    geometry: shapely.MultiPolygon
    county_name: str | None = None
    voivodeship_name: str | None = None
    kind: str | None = None


@dataclass
class ImportReport:
    source: str
    layer: str
    level: str
    dry_run: bool = False
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    repaired: list = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    vanished: list = field(default_factory=list)
    parents_created: list = field(default_factory=list)
    parents_named: list = field(default_factory=list)
    display_refresh: display.DisplayRefresh | None = None
    seconds: float = 0.0


def import_boundaries(source, *, level=None, voivodeships=None, layer=None, teryt_field=None,
                      name_field=None, dry_run=False, progress=None):
    """Import SOURCE (see geodata.sources) and return an ImportReport.

    Raises a BoundaryImportError subclass, with nothing written, when the input is refused.
    `progress(stage, done, total)` is called now and then on long runs.
    """
    started = time.monotonic()
    progress = progress or (lambda stage, done, total: None)
    if level is not None and level not in LEVELS:
        raise LevelError(_("Unknown level %(level)s: use one of %(levels)s.")
                         % {"level": level, "levels": ", ".join(LEVELS)})
    selected = _parse_voivodeships(voivodeships)
    with open_layer(source, level=level, layer=layer, teryt_field=teryt_field,
                    name_field=name_field) as opened:
        raw = []
        for feature in opened.features():
            raw.append(feature)
            if len(raw) % BATCH == 0:
                progress("read", len(raw), opened.count)
        progress("read", len(raw), opened.count)
        level = level or opened.level or _level_from_codes(raw, source)
        report = ImportReport(source=opened.description, layer=opened.layer_name, level=level,
                              dry_run=dry_run)
        units = _check(raw, level, selected, report, source, opened.srs_name)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
        _WRITERS[level](units, report, progress)
        # The bulk writes send no post_save: tell whoever caches the register.
        register_changed.send(sender=_MODELS[level], using=connection.alias)
        if level == "gmina":
            _report_vanished(units, selected, report)
            progress("display", 0, 1)
            report.display_refresh = display.refresh_display_boundaries()
            progress("display", 1, 1)
        if dry_run:
            transaction.set_rollback(True)
    report.seconds = time.monotonic() - started
    return report


def _parse_voivodeships(values):
    if not values:
        return None
    try:
        return {teryt.parse_voivodeship(value) for value in values}
    except teryt.TerytError as error:
        raise LevelError(_("--voivodeship: %(error)s") % {"error": error}) from None


def _level_from_codes(raw, source):
    level = teryt.level_from_lengths(feature.code for feature in raw)
    if level:
        return level
    samples = ", ".join(repr(feature.code) for feature in raw[:3]) or "-"
    raise LevelError(
        _(
            "%(source)s: cannot tell whether the codes are of voivodeships (2 digits), counties "
            "(4) or gminy (7), e.g. %(samples)s. Give --level, and make sure codes are text "
            "with leading zeros."
        ) % {"source": source, "samples": samples}
    )


def _check(raw, level, selected, report, source, srs_name):
    """Turn raw features into Units, or raise with every problem found."""
    problems, outside, units, seen = [], [], [], {}
    for feature in raw:
        code = feature.code
        try:
            code = teryt.parse(teryt.normalise(code), level)
        except teryt.TerytError as error:
            if isinstance(code, str) and selected and code[:2] not in selected:
                report.skipped[_("outside the selected voivodeships")] += 1
                continue
            problems.append(Problem(feature.number, feature.code, str(error)))
            continue
        if selected and code[:2] not in selected:
            report.skipped[_("outside the selected voivodeships")] += 1
            continue
        if code in seen:
            problems.append(Problem(feature.number, code, _(
                "duplicate code: feature %(first)d has it too") % {"first": seen[code]}))
            continue
        seen[code] = feature.number
        name = _name(feature.name, level)
        if not name:
            problems.append(Problem(feature.number, code, _("the name is empty")))
            continue
        if len(name) > NAME_MAX_LENGTH:
            problems.append(Problem(feature.number, code, _(
                "the name is longer than %(max)d characters") % {"max": NAME_MAX_LENGTH}))
            continue
        geometry, message = _geometry(feature)
        if message:
            problems.append(Problem(feature.number, code, message))
            continue
        if not _inside_poland(geometry):
            outside.append(feature.number)
            continue
        if not geometry.is_valid:
            reason = shapely.is_valid_reason(geometry)
            geometry = display.as_multipolygon(shapely.make_valid(geometry, method="structure"))
            if geometry.is_empty:
                problems.append(Problem(feature.number, code, _(
                    "the geometry is invalid (%(reason)s) and cannot be repaired")
                    % {"reason": reason}))
                continue
            report.repaired.append(Change(code, name, reason))
        units.append(Unit(feature.number, code, name, geometry, feature.county_name,
                          feature.voivodeship_name, feature.kind))
    if outside:
        raise CRSError(
            _(
                "%(source)s: %(count)d features lie outside Poland once converted from "
                "%(srs)s to EPSG:4326 (first: feature %(first)d). The layer's coordinate "
                "reference system is missing or wrong: declare the right one (a .prj file, "
                "or the GeoJSON crs member)."
            ) % {"source": source, "count": len(outside), "srs": srs_name or "?",
                 "first": outside[0]}
        )
    if problems:
        raise InvalidFeatures(source, problems)
    if not units:
        raise BoundaryImportError(_(
            "%(source)s: nothing to import: the layer is empty, or none of its features is in "
            "the selected voivodeships."
        ) % {"source": source})
    return units


def _name(value, level):
    if not isinstance(value, str):
        return ""
    name = " ".join(value.split())
    prefix = NAME_PREFIXES.get(level)
    if prefix and name.lower().startswith(prefix):
        name = name[len(prefix):]
    return name


def _geometry(feature):
    """(MultiPolygon, None) or (None, what is wrong)."""
    if feature.wkb is None:
        return None, _("the feature has no geometry")
    geometry = shapely.force_2d(shapely.from_wkb(feature.wkb))
    if geometry.is_empty:
        return None, _("the geometry is empty")
    if not isinstance(geometry, shapely.Polygon | shapely.MultiPolygon):
        return None, _("the geometry is a %(type)s: a boundary must be a polygon") % {
            "type": feature.geom_type or geometry.geom_type}
    return display.as_multipolygon(geometry), None


def _inside_poland(geometry):
    west, south, east, north = geometry.bounds
    min_lon, min_lat, max_lon, max_lat = POLAND_ENVELOPE
    return west >= min_lon and south >= min_lat and east <= max_lon and north <= max_lat


def _geos(geometry):
    return GEOSGeometry(memoryview(shapely.to_wkb(geometry)), srid=display.LON_LAT_SRID)


def _same_geometry(stored, geometry):
    if stored is None:
        return False
    return shapely.equals_exact(shapely.from_wkb(bytes(stored.wkb)), geometry, 0)


def _upsert(model, units, values, report, progress, *, derive=None):
    """Create or update one row per unit. `values(unit)` gives the plain fields;
    `derive(units)` the fields that follow from a new boundary (for created rows and rows
    whose boundary changed)."""
    now = timezone.now()
    existing = model.objects.in_bulk([unit.teryt for unit in units])
    to_create, to_update, reshaped, changed_fields = [], [], [], set()
    for unit in units:
        fields = values(unit)
        row = existing.get(unit.teryt)
        if row is None:
            to_create.append(model(pk=unit.teryt, boundary=_geos(unit.geometry),
                                   updated_at=now, **fields))
            reshaped.append((to_create[-1], unit))
            report.created.append(Change(unit.teryt, unit.name))
            continue
        diff = [name for name, value in fields.items() if getattr(row, name) != value]
        if not _same_geometry(row.boundary, unit.geometry):
            diff.append("boundary")
            row.boundary = _geos(unit.geometry)
            reshaped.append((row, unit))
        if not diff:
            report.unchanged.append(Change(unit.teryt, unit.name))
            continue
        for name in diff:
            if name != "boundary":
                setattr(row, name, fields[name])
        row.updated_at = now
        changed_fields.update(diff)
        to_update.append(row)
        report.updated.append(Change(unit.teryt, unit.name, ", ".join(diff)))
    if derive and reshaped:
        derived = derive([unit for _row, unit in reshaped])
        for (row, _unit), extra in zip(reshaped, derived, strict=True):
            for name, value in extra.items():
                setattr(row, name, value)
        if "boundary" in changed_fields:
            changed_fields.update(derived[0])
    for start in range(0, len(to_create), BATCH):
        model.objects.bulk_create(to_create[start:start + BATCH])
        progress("write", start + len(to_create[start:start + BATCH]), len(to_create))
    if to_update:
        model.objects.bulk_update(to_update, sorted(changed_fields | {"updated_at"}),
                                  batch_size=100)
        progress("write", len(to_update), len(to_update))


def _derive_gmina_fields(units):
    boundaries = [unit.geometry for unit in units]
    points = display.representative_points(boundaries)
    areas = display.areas_km2(boundaries)
    return [
        {"point": _geos(point), "area_km2": area}
        for point, area in zip(points, areas, strict=True)
    ]


def _ensure_voivodeships(codes_and_names, report):
    existing = set(Voivodeship.objects.filter(
        pk__in=list(codes_and_names)).values_list("pk", flat=True))
    for code in sorted(set(codes_and_names) - existing):
        name = codes_and_names[code] or teryt.VOIVODESHIP_NAMES[code]
        Voivodeship.objects.create(teryt=code, name=name)
        report.parents_created.append(Change(code, name, _("voivodeship")))


def _ensure_counties(codes_and_names, report):
    existing = County.objects.in_bulk(list(codes_and_names))
    for code in sorted(codes_and_names):
        name = codes_and_names[code] or ""
        county = existing.get(code)
        if county is None:
            County.objects.create(teryt=code, name=name, kind=teryt.county_kind(code),
                                  voivodeship_id=code[:2])
            report.parents_created.append(Change(code, name, _("county")))
        elif name and not county.name:
            County.objects.filter(pk=code).update(name=name, updated_at=timezone.now())
            report.parents_named.append(Change(code, name, _("county")))


def _write_gminy(units, report, progress):
    _ensure_voivodeships({u.teryt[:2]: u.voivodeship_name for u in units}, report)
    _ensure_counties({u.teryt[:4]: u.county_name for u in units}, report)
    _upsert(
        Municipality, units,
        lambda unit: {"name": unit.name, "type": unit.teryt[6],
                      "county_id": unit.teryt[:4], "voivodeship_id": unit.teryt[:2]},
        report, progress, derive=_derive_gmina_fields,
    )


def _write_counties(units, report, progress):
    _ensure_voivodeships({u.teryt[:2]: u.voivodeship_name for u in units}, report)
    _upsert(
        County, units,
        lambda unit: {"name": unit.name, "kind": unit.kind or teryt.county_kind(unit.teryt),
                      "voivodeship_id": unit.teryt[:2]},
        report, progress,
    )


def _write_voivodeships(units, report, progress):
    _upsert(Voivodeship, units, lambda unit: {"name": unit.name}, report, progress)


_WRITERS = {"gmina": _write_gminy, "powiat": _write_counties, "wojewodztwo": _write_voivodeships}
_MODELS = {"gmina": Municipality, "powiat": County, "wojewodztwo": Voivodeship}


def _report_vanished(units, selected, report):
    codes = {unit.teryt for unit in units}
    covered = selected or {code[:2] for code in codes}
    report.vanished = [
        Change(code, name) for code, name in Municipality.objects.filter(
            voivodeship_id__in=covered).exclude(teryt__in=codes).values_list("teryt", "name")
    ]
