"""The columns of a spreadsheet of cases: their Polish names (the template's), the English
names also accepted, and what each holds. The tool's facts follow as columns named by their
keys in practices.domain.fact_schemas."""
import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from practices.domain.fact_schemas import SCHEMAS
from practices.domain.search import fold


@dataclass(frozen=True)
class Column:
    key: str
    polish: str
    english: tuple
    help: str
    required: bool = False


COLUMNS = (
    Column("external_id", "id_zewnetrzne", ("external_id", "external id", "id"),
           _("Your identifier of the case, unique within the file and kept between imports: "
             "importing the file again updates the case with this identifier."),
           required=True),
    Column("teryt", "teryt", ("teryt",),
           _("The gmina's 7-digit TERYT code, e.g. 2061011; settles which gmina is meant.")),
    Column("gmina", "gmina", ("municipality", "gmina name"),
           _("The gmina's name, when the TERYT code is not given.")),
    Column("voivodeship", "wojewodztwo", ("voivodeship",),
           _("The voivodeship, e.g. podlaskie, when the gmina is given by name.")),
    Column("tool", "narzedzie", ("tool",),
           _("The participation tool: its slug (e.g. budzet-obywatelski) or its Polish "
             "name."), required=True),
    Column("year", "rok", ("year",),
           _("The edition or start year, from 1990 to 2100."), required=True),
    Column("title", "tytul", ("title",), _("The title, at most 200 characters."),
           required=True),
    Column("summary", "streszczenie", ("summary",),
           _("A plain-text summary, at most 500 characters.")),
    Column("description", "opis", ("description",), _("The description, in Markdown.")),
    Column("organiser", "organizator", ("organiser", "organizer"),
           _("Who organised it, at most 200 characters.")),
    Column("source_url", "zrodlo", ("source_url", "source"),
           _("The address of the source (e.g. the resolution in the BIP), http(s).")),
)
BY_KEY = {column.key: column for column in COLUMNS}


def header_key(text):
    """The comparison form of a header cell: "Województwo" -> "wojewodztwo"."""
    text = fold(str(text)).casefold().strip()
    return re.sub(r"[\s\-]+", "_", text)


def fact_keys():
    """Every stored (not computed) fact key of any tool."""
    return {field.key for schema in SCHEMAS.values() for field in schema.fields
            if not field.computed}


def _header_names():
    names = {}
    for column in COLUMNS:
        names[header_key(column.polish)] = column.key
        for english in column.english:
            names[header_key(english)] = column.key
    for fact in fact_keys():
        names.setdefault(header_key(fact), f"fact:{fact}")
    return names


HEADER_NAMES = _header_names()


def map_header(cells):
    """(index -> column key or "fact:<key>", unknown header texts with their index,
    duplicate header texts)."""
    mapping, unknown, duplicates, seen = {}, [], [], {}
    for index, cell in enumerate(cells):
        if not str(cell).strip():
            continue
        name = HEADER_NAMES.get(header_key(cell))
        if name is None:
            unknown.append(str(cell))
        elif name in seen:
            duplicates.append(str(cell))
        else:
            seen[name] = index
            mapping[index] = name
    return mapping, unknown, duplicates
