"""The XLSX template of the spreadsheet import: a sheet per tool with the columns and one
example row that imports as it is, and a sheet (in Polish) explaining every column."""
from django.utils import translation

from practices.domain.fact_schemas import SCHEMAS, Kind
from practices.domain.tools import TOOLS
from practices.imports.columns import COLUMNS

EXPLANATIONS = "objaśnienia"
EXAMPLE_GMINA = ("2061011", "Białystok", "podlaskie")
# Example values that pass each tool's cross-field checks (selected <= voted <= submitted...).
EXAMPLE_FACTS = {
    "amount_pln": 1500000, "projects_submitted": 48, "projects_voted": 40,
    "projects_selected": 12, "votes_cast": 5400, "voters": 5400, "eligible_voters": 24000,
    "votes_yes": 3000, "votes_no": 1500, "election_votes": 9000, "solectwa_count": 12,
    "projects_count": 14, "signatures_collected": 420, "members_count": 15,
    "opinions_issued": 6, "gmina_amount_pln": 20000, "volunteers": 25,
    "invitations_sent": 6000, "participants_drawn": 60, "recommendations_count": 20,
    "recommendations_adopted": 14, "comments_received": 130, "term": "2024–2026",
}
EXAMPLE_BY_KIND = {
    Kind.COUNT: 10, Kind.AMOUNT: 10000, Kind.TEXT: "…", Kind.URL: "https://bip.example.pl/",
}
KIND_HELP = {
    Kind.COUNT: "liczba całkowita ≥ 0",
    Kind.AMOUNT: "kwota w zł, najwyżej dwa miejsca po przecinku",
    Kind.DATE: "data RRRR-MM-DD",
    Kind.CHOICE: "jedna z wartości: {values}",
    Kind.CHOICES: "jedna lub kilka wartości (oddzielone przecinkami): {values}",
    Kind.TEXT: "tekst, najwyżej {max} znaków",
    Kind.URL: "adres http(s)",
}


def stored_fields(slug):
    return [field for field in SCHEMAS[slug].fields if not field.computed]


def example_value(field, position):
    if field.key in EXAMPLE_FACTS:
        return EXAMPLE_FACTS[field.key]
    if field.kind == Kind.DATE:
        return f"2024-0{min(position + 3, 9)}-01"
    if field.kind in (Kind.CHOICE, Kind.CHOICES):
        return field.values[0]
    return EXAMPLE_BY_KIND.get(field.kind, "")


def example_row(tool):
    teryt, gmina, voivodeship = EXAMPLE_GMINA
    common = {
        "external_id": f"przyklad-{tool['slug']}", "teryt": teryt, "gmina": gmina,
        "voivodeship": voivodeship, "tool": tool["slug"], "year": 2024,
        "title": f"{tool['name_pl']} – przykład", "summary": "Krótkie streszczenie.",
        "description": "Opis w **Markdown**.", "organiser": "Urząd Miejski",
        "source_url": "https://bip.example.pl/uchwala",
    }
    row = [common[column.key] for column in COLUMNS]
    row += [example_value(field, position)
            for position, field in enumerate(stored_fields(tool["slug"]))]
    return row


def write_template(path):
    """Write the template to `path` (an .xlsx file)."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    with translation.override("pl"):
        for tool in TOOLS:
            sheet = book.create_sheet(tool["slug"][:31])
            sheet.append([column.polish for column in COLUMNS]
                         + [field.key for field in stored_fields(tool["slug"])])
            sheet.append(example_row(tool))
            for cell in sheet[1]:
                cell.font = bold
            sheet.freeze_panes = "A2"
        sheet = book.create_sheet(EXPLANATIONS)
        sheet.append(["kolumna", "dotyczy narzędzia", "wymagana", "znaczenie"])
        for cell in sheet[1]:
            cell.font = bold
        sheet.append(["", "", "", (
            "Każdy arkusz narzędzia ma w pierwszym wierszu nazwy kolumn, a w drugim przykład: "
            "zastąp go własnymi danymi. Można też zebrać praktyki różnych narzędzi w jednym "
            "arkuszu; puste komórki faktów są pomijane. Kolumny przyjmują też nazwy "
            "angielskie (external_id, municipality, voivodeship, tool, year, title, summary, "
            "description, organiser, source_url).")])
        for column in COLUMNS:
            sheet.append([column.polish, "wszystkie", "tak" if column.required else "nie",
                          str(column.help)])
        for tool in TOOLS:
            for field in stored_fields(tool["slug"]):
                kind = KIND_HELP.get(field.kind, "").format(
                    values=", ".join(field.values), max=field.max_length)
                sheet.append([field.key, tool["slug"], "nie", f"{field.label}: {kind}"])
        for letter, width in zip("ABCD", (22, 26, 10, 110), strict=True):
            sheet.column_dimensions[letter].width = width
    book.save(path)
