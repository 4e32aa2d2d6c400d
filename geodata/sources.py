"""Where boundary data comes from, read through GDAL (django.contrib.gis.gdal).

A SOURCE is one of:
- a GeoJSON, Shapefile or GeoPackage file, or a directory of Shapefiles;
- a zip holding such files, e.g. the official PRG package `00_jednostki_administracyjne.zip`
  (read in place through GDAL's /vsizip/, never unpacked);
- an http(s) URL of any of these, downloaded to a temporary file first so that a failed
  download gets its own message instead of a vague "cannot open";
- the word `prg`: the GUGiK PRG WFS service, one layer per level.

Rules:
- Layer: `--layer` wins; otherwise the PRG layer of the requested level; otherwise the only
  layer; otherwise, among several, PRG's gmina layer. Anything else is refused with the list
  of layers.
- Fields: `--teryt-field` / `--name-field` win; otherwise PRG's `JPT_KOD_JE` / `JPT_NAZWA_` or
  `teryt` / `name` (as in ../shared/geodata), in any letter case.
- Geometry arrives in EPSG:4326 (lon/lat order) whatever CRS the layer declares. A layer that
  declares none, or one GDAL cannot convert from, is refused: guessing would put the
  boundaries in the wrong place. No CRS string from outside ever reaches GDAL except the
  layer's own declaration, read by an operator's command.
"""
import logging
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from django.contrib.gis.gdal import CoordTransform, DataSource, GDALException, SpatialReference
from django.utils.translation import gettext as _

from geodata.errors import CRSError, FieldError, LayerError, SourceError

PRG_WFS_URL = "https://mapy.geoportal.gov.pl/wss/service/PZGIK/PRG/WFS/AdministrativeBoundaries"
PRG_WORD = "prg"
PRG_LAYERS = {
    "wojewodztwo": "A01_Granice_wojewodztw",
    "powiat": "A02_Granice_powiatow",
    "gmina": "A03_Granice_gmin",
}
# The WFS names its feature types with the MapServer namespace.
PRG_WFS_PREFIX = "ms:"

# Candidate field names, most specific first; matched regardless of letter case.
TERYT_FIELDS = ("JPT_KOD_JE", "teryt", "terc", "kod_teryt")
NAME_FIELDS = ("JPT_NAZWA_", "name", "nazwa")
# Optional fields of the shared files: the parents' names and a county's kind.
COUNTY_NAME_FIELDS = ("powiat_name",)
VOIVODESHIP_NAME_FIELDS = ("woj_name",)
KIND_FIELDS = ("kind",)

READABLE_SUFFIXES = (".geojson", ".json", ".shp", ".gpkg")
DOWNLOAD_TIMEOUT_S = 120
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
WGS84 = 4326


@dataclass(frozen=True)
class Fields:
    teryt: str
    name: str
    county_name: str | None = None
    voivodeship_name: str | None = None
    kind: str | None = None


@dataclass
class RawFeature:
    """One feature as read: values untouched, geometry as WKB in EPSG:4326 (None if absent).
    Checking them is the importer's job."""

    number: int  # 1-based position in the layer, for messages
    code: object
    name: object
    county_name: str | None
    voivodeship_name: str | None
    kind: str | None
    geom_type: str | None
    wkb: bytes | None


@dataclass
class OpenedLayer:
    description: str
    layer_name: str
    level: str | None  # known from a PRG layer name, else None
    fields: Fields
    srs_name: str
    count: int
    _layer: object
    _transform: CoordTransform | None

    def features(self):
        """Yield RawFeature for each feature, in layer order."""
        fields = self.fields
        for number, feature in enumerate(self._layer, start=1):
            yield RawFeature(
                number=number,
                code=_value(feature, fields.teryt),
                name=_value(feature, fields.name),
                county_name=_text(feature, fields.county_name),
                voivodeship_name=_text(feature, fields.voivodeship_name),
                kind=_text(feature, fields.kind),
                **_geometry(feature, self._transform),
            )


def prg_source(level):
    """The GDAL dataset name and layer of the PRG WFS for a level (no connection made)."""
    return f"WFS:{PRG_WFS_URL}", PRG_WFS_PREFIX + PRG_LAYERS[level or "gmina"]


@contextmanager
def open_layer(source, *, level=None, layer=None, teryt_field=None, name_field=None):
    """Open SOURCE and choose its layer and fields; yield an OpenedLayer.

    Raises SourceError, LayerError, FieldError or CRSError with a message naming the source.
    """
    source = str(source)
    with _local_copy(source) as local:
        if local is None:  # the word prg
            dataset, prg_layer = prg_source(level)
            candidates = [dataset]
            layer = layer or prg_layer
        else:
            candidates = _datasets(local, source)
        layers = _layers(candidates, source)
        chosen = _choose_layer(layers, source, level=level, requested=layer)
        yield _describe(chosen, source, teryt_field=teryt_field, name_field=name_field)


@contextmanager
def _local_copy(source):
    """Yield a local Path for SOURCE (downloading a URL to a temporary file), or None for
    the word prg."""
    if source.strip().lower() == PRG_WORD:
        yield None
        return
    scheme = urlparse(source).scheme.lower()
    if scheme in ("http", "https"):
        with tempfile.TemporaryDirectory(prefix="mapa-boundaries-") as tmp:
            yield _download(source, Path(tmp))
        return
    path = Path(source)
    if not path.exists():
        raise SourceError(_("%(source)s: no such file or directory.") % {"source": source})
    try:
        if path.is_file():
            with path.open("rb") as handle:
                handle.read(1)
    except OSError as error:
        raise SourceError(
            _("%(source)s cannot be read: %(reason)s") % {"source": source,
                                                          "reason": error.strerror}
        ) from None
    yield path


def _download(url, folder):
    name = PurePosixPath(urlparse(url).path).name or "download"
    target = folder / name
    # A proxy from the environment is for the outside world, never for this machine.
    proxies = {} if urlparse(url).hostname in LOOPBACK else None
    opener = urllib.request.build_opener(urllib.request.ProxyHandler(proxies))
    try:
        with opener.open(url, timeout=DOWNLOAD_TIMEOUT_S) as response:
            with target.open("wb") as out:
                shutil.copyfileobj(response, out, 1 << 20)
    except urllib.error.HTTPError as error:
        raise SourceError(
            _("%(url)s answered HTTP %(status)s (%(reason)s): check the address.")
            % {"url": url, "status": error.code, "reason": error.reason}
        ) from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise SourceError(
            _("%(url)s could not be downloaded: %(reason)s") % {"url": url, "reason": reason}
        ) from None
    return target


def _datasets(path, source):
    """GDAL dataset names to look for layers in: the file itself, or each readable member
    of a zip."""
    if path.is_file() and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [
                name for name in archive.namelist()
                if name.lower().endswith(READABLE_SUFFIXES) and not name.startswith("__MACOSX")
            ]
        if not members:
            raise SourceError(
                _("%(source)s is a zip without a GeoJSON, Shapefile or GeoPackage inside.")
                % {"source": source}
            )
        return [f"/vsizip/{path.resolve()}/{name}" for name in sorted(members)]
    return [str(path)]


@dataclass
class _Candidate:
    layer: object
    srs: SpatialReference | None
    crs_complaints: list

    @property
    def name(self):
        return self.layer.name


def _layers(datasets, source):
    """Open each dataset; give back its layers, each with the CRS complaints GDAL logged
    while opening it (GDAL falls back to WGS 84 for a CRS it cannot find, so a complaint
    is the only sign of trouble). A zip member GDAL cannot open is passed over."""
    layers, complaints = [], []
    for dataset in datasets:
        with _gdal_errors() as errors:
            try:
                data_source = DataSource(dataset)
            except GDALException:
                complaints.extend(errors)
                continue
            for index in range(data_source.layer_count):
                layer = data_source[index]
                srs = layer.srs  # reading it is what makes some drivers complain
                layers.append(_Candidate(layer, srs, [m for m in errors if _about_crs(m)]))
    if not layers:
        detail = f" [{'; '.join(complaints)}]" if complaints else ""
        raise SourceError(_(
            "%(source)s cannot be read: GDAL does not recognise it as a GeoJSON, Shapefile or "
            "GeoPackage (or a zip of them)."
        ) % {"source": source} + detail)
    return layers


def _about_crs(message):
    lowered = message.lower()
    return any(word in lowered for word in ("proj", "crs", "srs", "spatial reference"))


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages = []

    def emit(self, record):
        # django.contrib.gis logs "GDAL_ERROR %d: %s" with the message as bytes.
        message = record.args[-1] if record.args else record.getMessage()
        if isinstance(message, bytes):
            message = message.decode("utf-8", "replace")
        self.messages.append(str(message))


@contextmanager
def _gdal_errors():
    """Collect the errors GDAL reports through django.contrib.gis's logger, instead of
    letting them print as noise before our own message."""
    logger = logging.getLogger("django.contrib.gis")
    collector = _Collector()
    propagate = logger.propagate
    logger.addHandler(collector)
    logger.propagate = False
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate


def _bare(name):
    """A layer name compared without letter case or the WFS namespace."""
    name = name.lower()
    return name[len(PRG_WFS_PREFIX):] if name.startswith(PRG_WFS_PREFIX) else name


def _choose_layer(layers, source, *, level, requested):
    by_name = {_bare(layer.name): layer for layer in layers}
    names = ", ".join(layer.name for layer in layers)
    if requested:
        try:
            return by_name[_bare(requested)]
        except KeyError:
            raise LayerError(
                _("%(source)s has no layer %(layer)s; its layers are: %(names)s.")
                % {"source": source, "layer": requested, "names": names}
            ) from None
    if level and _bare(PRG_LAYERS[level]) in by_name:
        return by_name[_bare(PRG_LAYERS[level])]
    if len(layers) == 1:
        return layers[0]
    if not level and _bare(PRG_LAYERS["gmina"]) in by_name:
        return by_name[_bare(PRG_LAYERS["gmina"])]
    raise LayerError(
        _("%(source)s has several layers (%(names)s): choose one with --layer.")
        % {"source": source, "names": names}
    )


def _level_of_layer(name):
    for level, prg_name in PRG_LAYERS.items():
        if _bare(name) == _bare(prg_name):
            return level
    return None


def _find_field(available, requested, candidates, option, layer_name):
    """The field named by an option, else the first candidate present (any letter case)."""
    lowered = {name.lower(): name for name in available}
    if requested and requested.lower() not in lowered:
        raise FieldError(
            _("Layer %(layer)s has no field %(field)s; its fields are: %(fields)s.")
            % {"layer": layer_name, "field": requested, "fields": ", ".join(available)}
        )
    found = [lowered[c.lower()] for c in (requested, *candidates) if c and c.lower() in lowered]
    if found or option is None:
        return found[0] if found else None
    raise FieldError(
        _(
            "Layer %(layer)s has no %(what)s field (looked for %(candidates)s); its fields "
            "are: %(fields)s. Name the field with %(option)s."
        ) % {
            "layer": layer_name, "candidates": ", ".join(candidates), "option": option,
            "what": _("TERYT code") if option == "--teryt-field" else _("name"),
            "fields": ", ".join(available) or "-",
        }
    )


def _describe(candidate, source, *, teryt_field, name_field):
    layer, srs = candidate.layer, candidate.srs
    available = list(layer.fields)
    fields = Fields(
        teryt=_find_field(available, teryt_field, TERYT_FIELDS, "--teryt-field", layer.name),
        name=_find_field(available, name_field, NAME_FIELDS, "--name-field", layer.name),
        county_name=_find_field(available, None, COUNTY_NAME_FIELDS, None, layer.name),
        voivodeship_name=_find_field(available, None, VOIVODESHIP_NAME_FIELDS, None, layer.name),
        kind=_find_field(available, None, KIND_FIELDS, None, layer.name),
    )
    if candidate.crs_complaints:
        raise CRSError(
            _(
                "Layer %(layer)s of %(source)s declares a coordinate reference system GDAL "
                "cannot identify (%(detail)s): declare a known one, e.g. EPSG:2180 or "
                "EPSG:4326, or convert the data with ogr2ogr."
            ) % {"layer": layer.name, "source": source,
                 "detail": "; ".join(candidate.crs_complaints)}
        )
    if srs is None:
        raise CRSError(
            _(
                "Layer %(layer)s of %(source)s does not declare its coordinate reference "
                "system (a Shapefile needs its .prj file): add it, or convert the data to "
                "EPSG:4326 or EPSG:2180 with ogr2ogr."
            ) % {"layer": layer.name, "source": source}
        )
    try:
        transform = None if srs.srid == WGS84 else CoordTransform(srs, SpatialReference(WGS84))
    except GDALException:
        raise CRSError(
            _(
                "Layer %(layer)s of %(source)s uses a coordinate reference system GDAL cannot "
                "convert to EPSG:4326 (%(srs)s): convert the data to EPSG:4326 or EPSG:2180."
            ) % {"layer": layer.name, "source": source, "srs": srs.name or "?"}
        ) from None
    return OpenedLayer(
        description=source,
        layer_name=layer.name,
        level=_level_of_layer(layer.name),
        fields=fields,
        srs_name=srs.name or "",
        count=len(layer),
        _layer=layer,
        _transform=transform,
    )


def _value(feature, field):
    value = feature.get(field)
    return value.strip() if isinstance(value, str) else value


def _text(feature, field):
    if field is None:
        return None
    value = feature.get(field)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _geometry(feature, transform):
    try:
        geometry = feature.geom
    except GDALException:
        return {"geom_type": None, "wkb": None}
    if transform is not None and not geometry.empty:
        geometry.transform(transform)
    return {"geom_type": geometry.geom_name, "wkb": bytes(geometry.wkb)}
