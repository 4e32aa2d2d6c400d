"""Reading a spreadsheet as tables of text cells: CSV (UTF-8 with or without BOM, or
Windows-1250; separated by `,`, `;` or a tab, detected from the header line unless given) and
XLSX (every sheet). Each row keeps its place in the file ("12" or "sheet!12") for error
messages. Unreadable input raises ImportRefused saying what to do."""
import csv
import datetime
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from practices.imports.errors import ImportRefused

ENCODINGS = ("utf-8", "utf-8-sig", "cp1250")
DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\t": "\t"}
XLSX_MAGIC = b"PK\x03\x04"
MAX_BYTES = 200 * 1024 * 1024


@dataclass
class Table:
    name: str
    header: list
    rows: list = field(default_factory=list)  # (place, [cell text...])
    header_place: str = "1"
    encoding: str = ""
    delimiter: str = ""


def read_tables(path, *, encoding=None, delimiter=None):
    """The tables of the file at `path`: one for a CSV file, one per sheet for XLSX."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(_("%(file)s cannot be read: %(error)s") % {
            "file": path, "error": error.strerror or error}) from None
    if len(data) > MAX_BYTES:
        raise ImportRefused(_("%(file)s is larger than %(max)d MB: split it.") % {
            "file": path.name, "max": MAX_BYTES // 1024 // 1024})
    if path.suffix.lower() in (".xlsx", ".xlsm") or data.startswith(XLSX_MAGIC):
        return read_xlsx(path.name, data)
    return [read_csv(path.name, data, encoding=encoding, delimiter=delimiter)]


def decode(name, data, encoding=None):
    """(text, encoding): the given encoding, else UTF-8 (a BOM is dropped), else
    Windows-1250."""
    if encoding:
        if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
            encoding = "utf-8-sig"
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            raise ImportRefused(_("%(file)s is not in the encoding %(encoding)s: save it as "
                                  "UTF-8, or give the right --encoding.") % {
                                      "file": name, "encoding": encoding}) from None
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ("utf-8-sig",)
    else:
        candidates = ("utf-8", "cp1250")
    for candidate in candidates:
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    raise ImportRefused(_("%(file)s is neither UTF-8 nor Windows-1250 text: save it as CSV "
                          "UTF-8 or as XLSX.") % {"file": name})


def sniff_delimiter(first_line):
    counts = {sep: first_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_csv(name, data, *, encoding=None, delimiter=None):
    text, used = decode(name, data, encoding)
    text = unicodedata.normalize("NFC", text)  # "ż" as one character, however it was typed
    if "\x00" in text:
        raise ImportRefused(_("%(file)s is not a text file (it contains NUL bytes): give a "
                              "CSV or an XLSX file.") % {"file": name})
    if delimiter is not None:
        if delimiter not in DELIMITERS:
            raise ImportRefused(_("Unknown separator %(value)s: use one of , ; tab.")
                                % {"value": repr(delimiter)})
        delimiter = DELIMITERS[delimiter]
    else:
        delimiter = sniff_delimiter(text.lstrip("\r\n").split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = Table(name=name, header=[], encoding=used, delimiter=delimiter)
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if not table.header:
                table.header, table.header_place = cells, str(reader.line_num)
            else:
                table.rows.append((str(reader.line_num), cells))
    except csv.Error as error:
        raise ImportRefused(_("%(file)s, line %(line)d: not valid CSV (%(error)s).") % {
            "file": name, "line": reader.line_num, "error": error}) from None
    return table


def _cell(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def read_xlsx(name, data):
    import openpyxl  # only XLSX imports need it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError,
            TypeError, IndexError, AttributeError):
        raise ImportRefused(_("%(file)s is not a readable XLSX workbook: save it again as "
                              "XLSX, or as CSV UTF-8.") % {"file": name}) from None
    tables = []
    try:
        for sheet in book.worksheets:
            table = Table(name=f"{name}: {sheet.title}", header=[])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_cell(value) for value in values]
                if not any(cell.strip() for cell in cells):
                    continue
                if not table.header:
                    table.header, table.header_place = cells, f"{sheet.title}!{number}"
                else:
                    table.rows.append((f"{sheet.title}!{number}", cells))
            tables.append(table)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError):
        raise ImportRefused(_("%(file)s is not a readable XLSX workbook: save it again as "
                              "XLSX, or as CSV UTF-8.") % {"file": name}) from None
    finally:
        book.close()
    return tables
