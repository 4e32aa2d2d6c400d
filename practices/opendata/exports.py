"""Downloads of the selection as data files, for spreadsheets and GIS:

    /export/practices.csv, .xlsx, .geojson, .gpkg   the cases, every public field and fact
    /export/municipalities.csv, .geojson, .gpkg     the gminy with the selection's counts

Rules:
- The parameters are exactly /api/practices/'s case filters, parsed by `CaseFilters`; only
  CSV adds `sep` (`comma`, the default, or `semicolon`, for spreadsheets set to Polish). A
  problem is a 400 {"errors": {parameter: [messages]}} naming it, in the language of
  Accept-Language (Polish by default), before any work is done.
- The cases are the API's: only published ones, the same ids in the same order (by id).
  The columns are practices.opendata.columns', the gminy's practices.opendata.gmina_rows'.
- CSV and GeoJSON stream (memory stays flat for any selection); XLSX and GeoPackage are
  written to a temporary folder and streamed from disk (practices.opendata.writers).
- Every file is named after its selection and carries the licence and attribution
  (practices.opendata.files); the data page /dane/ documents the columns.
"""
from django.http import FileResponse, Http404, JsonResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from practices.addresses import site_root
from practices.filters import CaseFilters
from practices.geojson import sample_counts_note, sample_note
from practices.opendata import files, writers
from practices.opendata.columns import case_columns, case_rows
from practices.opendata.gmina_rows import gmina_rows

CSV = "text/csv; charset=utf-8; header=present"
GEOJSON = "application/geo+json"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GPKG = "application/geopackage+sqlite3"
CASE_FORMATS = ("csv", "xlsx", "geojson", "gpkg")
GMINA_FORMATS = ("csv", "geojson", "gpkg")
SEPARATORS = {"comma": ",", "semicolon": ";"}
MEDIA_TYPES = {"csv": CSV, "xlsx": XLSX, "geojson": GEOJSON, "gpkg": GPKG}


def _parse(request, fmt, formats):
    """(filters, CSV delimiter) or a 400 response naming every bad parameter; a 404 for a
    format not among `formats`."""
    if fmt not in formats:
        raise Http404("No such export format.")
    translation.activate(translation.get_language_from_request(request))
    extra = ("sep",) if fmt == "csv" else ()
    filters, errors = CaseFilters.parse_lenient(request.GET, extra=extra)
    delimiter = ","
    if fmt == "csv":
        given = [value for value in request.GET.getlist("sep") if value.strip()]
        if len(given) > 1:
            errors["sep"] = [_("Give '%(name)s' only once.") % {"name": "sep"}]
        elif given and given[0].strip() not in SEPARATORS:
            errors["sep"] = [_("Unknown separator '%(value)s'. Allowed: %(allowed)s.")
                             % {"value": given[0][:40], "allowed": ", ".join(SEPARATORS)}]
        elif given:
            delimiter = SEPARATORS[given[0].strip()]
    if errors:
        return None, JsonResponse({"errors": errors}, status=400)
    return (filters, delimiter), None


def _stream(chunks, fmt, name, root):
    response = StreamingHttpResponse(chunks, content_type=MEDIA_TYPES[fmt])
    return files.label(response, name, root)


def _from_disk(path, fmt, name, root):
    response = FileResponse(writers.open_and_forget(path), content_type=MEDIA_TYPES[fmt])
    return files.label(response, name, root)


def _bilingual(text):
    with translation.override("pl"):
        polish = str(text)
    with translation.override("en"):
        english = str(text)
    return polish, english


def _dictionary(columns):
    """The XLSX sheet documenting the columns: name, type, meaning (pl, en), allowed values."""
    lines = [["name", "type", "znaczenie (pl)", "meaning (en)", "values"]]
    for column in columns:
        lines.append([column.name, column.type, *_bilingual(column.meaning),
                      ", ".join(column.values or ())])
    return lines


def _about(root, request, rows):
    lines = [[key, value] for key, value in files.metadata(root).items()]
    lines.append(["query", request.GET.urlencode()])
    lines.append(["exported_at", timezone.localtime().replace(microsecond=0).isoformat()])
    lines.append(["rows", rows])
    return lines


@require_safe
def practices_export(request, fmt):
    """The selection's cases as a file (see the module's rules)."""
    parsed, problem = _parse(request, fmt, CASE_FORMATS)
    if problem:
        return problem
    filters, delimiter = parsed
    root, name = site_root(request), files.file_name("praktyki", filters, fmt)
    columns = case_columns()
    if fmt == "csv":
        return _stream(writers.csv_stream(columns, case_rows(filters, columns), delimiter),
                       fmt, name, root)
    members = files.metadata(root)
    if fmt == "geojson":
        return _stream(writers.geojson_stream(columns, case_rows(filters, columns), members,
                                              writers.case_feature, note=sample_note()),
                       fmt, name, root)
    with writers.temporary_folder() as folder:
        if fmt == "xlsx":
            path = writers.xlsx_file(folder, columns, case_rows(filters, columns), lambda rows: {
                "pola": _dictionary(columns),
                "licencja": _about(root, request, rows),
            })
        else:
            chunks = writers.geojson_stream(columns, case_rows(filters, columns), members,
                                            writers.case_feature, note=sample_note())
            path = writers.gpkg_file(folder, chunks, "praktyki", "POINT", members, fid="id")
        return _from_disk(path, fmt, name, root)


@require_safe
def municipalities_export(request, fmt):
    """The gminy of the selection with its counts, as a file (see the module's rules)."""
    parsed, problem = _parse(request, fmt, GMINA_FORMATS)
    if problem:
        return problem
    filters, delimiter = parsed
    root, name = site_root(request), files.file_name("gminy", filters, fmt)
    if fmt == "csv":
        columns, rows, _samples = gmina_rows(filters)
        return _stream(writers.csv_stream(columns, rows, delimiter), fmt, name, root)
    columns, rows, samples = gmina_rows(filters, geometry=True)
    members = files.metadata(root)
    if samples:
        members["note"] = sample_counts_note()
    chunks = writers.geojson_stream(columns, rows, members, writers.gmina_feature)
    if fmt == "geojson":
        return _stream(chunks, fmt, name, root)
    with writers.temporary_folder() as folder:
        path = writers.gpkg_file(folder, chunks, "gminy", "MULTIPOLYGON", members)
        return _from_disk(path, fmt, name, root)


def export_links(query=""):
    """Every export's path with the query string `query` (for the data page and the map)."""
    suffix = f"?{query}" if query else ""
    return {
        "practices": {fmt: f"/export/practices.{fmt}{suffix}" for fmt in CASE_FORMATS},
        "municipalities": {fmt: f"/export/municipalities.{fmt}{suffix}"
                           for fmt in GMINA_FORMATS},
    }

