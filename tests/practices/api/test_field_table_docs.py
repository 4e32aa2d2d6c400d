"""docs/api.md's table of a case's fields is the declaration (practices.fields.CaseFields):
every field, in order, with its type, where it appears, its allowed values and its meaning."""
from django.conf import settings
from django.utils import translation

from practices.fields import CaseFields

DOC = settings.BASE_DIR / "docs" / "api.md"
START, END = "<!-- case fields: start -->", "<!-- case fields: end -->"


def cell(field, view):
    shown = getattr(field, view)
    if view == "detail" and field.nested:
        return "object: " + ", ".join(f"`{field.name}.{key}`" for key in field.nested.fields)
    return "yes" if shown else ""


def row(name, field, summary, detail):
    kind = f"{field.type}, or null" if field.nullable else str(field.type)
    values = ", ".join(f"`{value}`" if value else "empty" for value in field.values or ())
    with translation.override("en"):
        meaning = str(field.meaning)
    return f"| `{name}` | {kind} | {summary} | {detail} | {values} | {meaning} |"


def expected_table():
    lines = ["| field | type | list | detail | allowed values | meaning |",
             "|---|---|---|---|---|---|"]
    for field in CaseFields.fields.values():
        lines.append(row(field.name, field, cell(field, "summary"), cell(field, "detail")))
        for key, sub in (field.nested.fields.items() if field.nested else ()):
            lines.append(row(f"{field.name}.{key}", sub, "", "yes"))
    return "\n".join(lines)


def test_the_field_table_of_docs_api_is_the_declaration():
    text = DOC.read_text(encoding="utf-8")
    assert START in text and END in text, f"docs/api.md needs {START} … {END} around the table"
    table = text.split(START, 1)[1].split(END, 1)[0].strip()
    expected = expected_table()
    assert table == expected, (
        "docs/api.md's field table differs from practices.fields.CaseFields; put this "
        f"between the markers:\n\n{expected}\n"
    )
