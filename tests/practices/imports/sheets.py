"""Writing test spreadsheets: the same rows as CSV in any encoding and separator, or XLSX."""
import csv
import io

HEADER = ["id_zewnetrzne", "teryt", "gmina", "wojewodztwo", "narzedzie", "rok", "tytul",
          "streszczenie", "organizator", "zrodlo", "amount_pln", "voters", "subject"]
ROWS = [
    ["bo-1", "2061011", "", "", "budzet-obywatelski", "2024",
     "Budżet obywatelski Białegostoku", "Głosowało 5 tys. osób", "Urząd Miejski",
     "https://bip.example.pl/1", "1500000,50", "5400", ""],
    ["k-1", "", "Bolesławiec", "łódzkie", "Konsultacje społeczne", "2023",
     "Konsultacje „Żółć” ęąśćźńół", "", "Rada Gminy", "", "", "", "Plan zagospodarowania"],
]


def csv_bytes(rows=None, header=None, *, encoding="utf-8", delimiter=","):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header or HEADER)
    writer.writerows(ROWS if rows is None else rows)
    return buffer.getvalue().encode(encoding)


def write_csv(path, rows=None, header=None, **options):
    path.write_bytes(csv_bytes(rows, header, **options))
    return path


def write_xlsx(path, rows=None, header=None):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "praktyki"
    sheet.append(header or HEADER)
    for row in ROWS if rows is None else rows:
        sheet.append(row)
    book.save(path)
    return path


def imported(source="test"):
    """What the import stored, comparable across runs."""
    from practices.models import Practice

    return [
        {**values, "links": list(Practice.objects.get(external_id=values["external_id"],
                                                      import_source=source)
                                 .links.values_list("kind", "url"))}
        for values in Practice.objects.filter(import_source=source).order_by("external_id")
        .values("external_id", "municipality_id", "tool__slug", "year", "title", "summary",
                "organiser", "facts", "status", "is_sample")
    ]
