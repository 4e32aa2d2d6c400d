"""Writers of the export formats, from columns and rows (practices.opendata.columns and
gmina_rows): CSV and GeoJSON as streams of text chunks, XLSX (openpyxl's write-only mode)
and GeoPackage (GDAL's ogr2ogr) as files in a temporary folder.

None of them holds the selection in memory: rows come one at a time from a server-side
cursor and leave in chunks of CHUNK_ROWS; the XLSX and GeoPackage are written to disk, and
the folder is removed as soon as the finished file is open (the open file stays readable
until it has been sent).
"""
import csv
import json
import shutil
import subprocess  # nosec B404
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from practices.opendata.columns import cell_text

CHUNK_ROWS = 500
EXCEL_MAX_TEXT = 32767
GDAL_TIMEOUT = 900  # seconds; 100,000 cases take well under a minute


class ExportFailed(Exception):
    """GDAL could not write the GeoPackage (the message is GDAL's own, for the log)."""


# --- CSV --------------------------------------------------------------------------------------

class _Line:
    """A file-like object whose write() returns what it was given: csv.writer's rows as
    strings, without a buffer."""

    def write(self, text):
        return text


# A spreadsheet reads a cell beginning with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value):
    """A text cell as a spreadsheet must show it: one that would start a formula gets a
    leading apostrophe (the spreadsheets' own mark of text). Numbers are left alone."""
    text = cell_text(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_stream(columns, rows, delimiter=","):
    """UTF-8 text with a byte order mark (Excel then reads Polish letters right), CRLF line
    ends (RFC 4180), the header then one line per row. The semicolon variant is the one for
    spreadsheets (Excel set to Polish): its texts never start a formula (spreadsheet_text);
    the comma variant, for data tools, holds the values verbatim."""
    writer = csv.writer(_Line(), delimiter=delimiter, lineterminator="\r\n")
    cell = spreadsheet_text if delimiter == ";" else cell_text
    yield "\ufeff" + writer.writerow([column.name for column in columns])
    lines = []
    for row in rows:
        lines.append(writer.writerow([cell(value) for value in row]))
        if len(lines) == CHUNK_ROWS:
            yield "".join(lines)
            lines = []
    if lines:
        yield "".join(lines)


# --- GeoJSON ----------------------------------------------------------------------------------

def _dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def geojson_stream(columns, rows, members, feature, note=""):
    """A FeatureCollection: `members` (licence, attribution…) first, then the features that
    `feature(columns, row)` writes as text with whether the row is a sample; `note` is added
    at the end when some row is."""
    head = '{"type":"FeatureCollection",' + _dumps(members)[1:-1] + ',"features":['
    samples, texts, sent = False, [], False
    for row in rows:
        text, sample = feature(columns, row)
        samples = samples or sample
        texts.append(text)
        if len(texts) == CHUNK_ROWS:
            yield head + ("," if sent else "") + ",".join(texts)
            head, sent, texts = "", True, []
    rest = ("," if sent and texts else "") + ",".join(texts)
    yield head + rest + "]" + (f',"note":{_dumps(note)}' if samples and note else "") + "}"


def case_feature(columns, row):
    """A case as a Feature: `id` the feature's id, longitude/latitude its Point."""
    properties = dict(zip((column.name for column in columns), row, strict=True))
    identifier = properties.pop("id")
    point = [properties.pop("longitude"), properties.pop("latitude")]
    text = (f'{{"type":"Feature","id":{identifier},"geometry":{{"type":"Point",'
            f'"coordinates":{_dumps(point)}}},"properties":{_dumps(properties)}}}')
    return text, bool(properties.get("is_sample"))


def gmina_feature(columns, row):
    """A gmina as a Feature: its TERYT code the id, the last value its boundary's GeoJSON."""
    *values, shape = row
    properties = dict(zip((column.name for column in columns), values, strict=True))
    text = (f'{{"type":"Feature","id":{_dumps(properties["teryt"])},'
            f'"geometry":{shape or "null"},"properties":{_dumps(properties)}}}')
    return text, False


# --- XLSX -------------------------------------------------------------------------------------

def _cell(sheet, value):
    if isinstance(value, list | dict):
        value = cell_text(value)
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)[:EXCEL_MAX_TEXT]
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # text, never a formula
    return cell


def xlsx_file(folder, columns, rows, sheets):
    """Write `columns`/`rows` as the first sheet and the sheets `sheets(number of rows)`
    returns ({title: [rows]}) after it; returns the file's path."""
    book = Workbook(write_only=True)
    data = book.create_sheet("dane")
    data.freeze_panes = "A2"
    data.append([column.name for column in columns])
    count = 0
    for row in rows:
        data.append([_cell(data, value) for value in row])
        count += 1
    for title, lines in sheets(count).items():
        sheet = book.create_sheet(title)
        for line in lines:
            sheet.append([_cell(sheet, value) for value in line])
    path = Path(folder) / "export.xlsx"
    book.save(path)
    return path


# --- GeoPackage -------------------------------------------------------------------------------

# GDAL runs as a subprocess (the Python bindings are not installed): a fixed program found on
# PATH, our own arguments and file paths, never a shell.
def _ogr2ogr():
    program = shutil.which("ogr2ogr")
    if program is None:
        raise ExportFailed("ogr2ogr (GDAL) is not installed: apt-get install gdal-bin")
    return program


def gpkg_file(folder, chunks, layer, geometry_type, metadata, fid="fid"):
    """Write the GeoJSON `chunks` to a file in `folder` and convert it with ogr2ogr into a
    GeoPackage with one layer; the licence and attribution go into the layer's description
    (gpkg_contents) and the dataset's metadata (gpkg_metadata). `fid` "id" keeps the
    features' integer ids as the primary key `id`; otherwise GDAL numbers them. Returns the
    path."""
    folder = Path(folder)
    source, target = folder / "source.geojson", folder / "export.gpkg"
    with source.open("w", encoding="utf-8") as file:
        for chunk in chunks:
            file.write(chunk)
    description = f"{metadata['attribution']}. {metadata['license']}"
    command = [
        _ogr2ogr(), "-f", "GPKG", str(target), str(source),
        "-nln", layer, "-nlt", geometry_type, "-a_srs", "EPSG:4326",
        "-lco", f"IDENTIFIER={layer}", "-lco", f"DESCRIPTION={description}",
        "-lco", f"FID={fid}", *(["-preserve_fid"] if fid == "id" else []),
        *(part for key, value in metadata.items() for part in ("-mo", f"{key.upper()}={value}")),
    ]
    result = subprocess.run(  # nosec B603
        command, capture_output=True, text=True, timeout=GDAL_TIMEOUT, check=False,
    )
    if result.returncode != 0 or not target.exists():
        raise ExportFailed(result.stderr.strip()[-2000:] or f"exit status {result.returncode}")
    source.unlink()
    return target


def open_and_forget(path):
    """Open the finished file for reading; its folder can then be removed (see module)."""
    return Path(path).open("rb")


def temporary_folder():
    return tempfile.TemporaryDirectory(prefix="mapa-export-")
