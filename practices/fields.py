"""The one declaration of a case's public fields.

Everything that writes a case out is derived from `CaseFields`: the GeoJSON SQL of
/api/practices/ (`practices.geojson.practice_features`, the summary fields), the serializers
and the OpenAPI schema with its examples (`practices.api`, the detail fields), the field table
of docs/api.md (checked by tests/practices/api/test_field_table_docs.py), and later the
CSV/XLSX/GPKG columns and the data page of the open-data work.

Adding a public field means one entry here (and its Polish meaning in locale/pl); the order
here is the order of the properties in every output. Tool-specific facts stay in
`practices.domain.fact_schemas` and appear here as the one `facts` object. Keys are part of
the API: add new ones freely, never rename one.
"""
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from practices.domain.choices import Licence, OrganiserType
from practices.domain.declaration import (  # noqa: F401 -- page_url_parts is used by geojson
    Computed,
    Declaration,
    Expression,
    Field,
    Object,
    PagePath,
    Path,
    Type,
    page_url_parts,
)
from practices.domain.facts import enrich
from practices.domain.markdown import render_markdown
from practices.domain.tools import TOOLS
from practices.models import Practice, PracticeLink

TOOL_SLUGS = tuple(tool["slug"] for tool in TOOLS)


def _links_of(kind):
    """The case's links of one kind, from the prefetched `links` (one query for all)."""
    def read(practice):
        return [{"url": link.url, "label": link.label}
                for link in practice.links.all() if link.kind == kind]
    return read


def _point(practice):
    # Cases have a location (set from the gmina's point on save); rows written around save()
    # without one fall back to that point rather than to a null geometry.
    return practice.location or practice.municipality.point


class CaseFields(Declaration):
    id = Field(
        Type.INTEGER, Path("id"), summary=True, example=1,
        meaning=_("Number of the case in the catalogue; never reused."),
    )
    geometry = Field(
        Type.POINT, Expression(Coalesce("location", "municipality__point"), _point),
        summary=True, example=(23.162, 53.1325),
        meaning=_("Where the case took place (longitude, latitude in WGS 84); the gmina's "
                  "centre when no place was given."),
    )
    slug = Field(
        Type.SLUG, Path("slug"), summary=True, example="budzet-obywatelski-bialegostoku-2024",
        meaning=_("Key of the case in its address; never changes."),
    )
    title = Field(
        Type.TEXT, Path("title"), summary=True, example="Budżet obywatelski Białegostoku 2024",
        meaning=_("Title of the case."),
    )
    tool = Field(
        Type.SLUG, Path("tool__slug"), summary=True, values=TOOL_SLUGS,
        example="budzet-obywatelski",
        meaning=_("The participation tool used (its slug; see /api/tools/)."),
        detail=Object(
            "ToolRef",
            slug=Field(Type.SLUG, Path("tool__slug"), values=TOOL_SLUGS,
                       example="budzet-obywatelski", meaning=_("Slug of the tool.")),
            name_pl=Field(Type.TEXT, Path("tool__name_pl"), example="Budżet obywatelski",
                          meaning=_("Name of the tool in Polish.")),
            name_en=Field(Type.TEXT, Path("tool__name_en"), example="Participatory budget",
                          meaning=_("Name of the tool in English.")),
        ),
    )
    year = Field(
        Type.INTEGER, Path("year"), summary=True, example=2024,
        meaning=_("The edition or start year."),
    )
    end_year = Field(
        Type.INTEGER, Path("end_year"), nullable=True, example=None,
        meaning=_("The last year, for a case lasting several years."),
    )
    start_date = Field(
        Type.DATE, Path("start_date"), nullable=True, example="2024-03-01",
        meaning=_("The day it started."),
    )
    end_date = Field(
        Type.DATE, Path("end_date"), nullable=True, example="2024-09-30",
        meaning=_("The day it ended."),
    )
    municipality = Field(
        Type.TERYT, Path("municipality_id"), summary=True, example="2061011",
        meaning=_("The gmina, by its TERYT code."),
        detail=Object(
            "MunicipalityRef",
            teryt=Field(Type.TERYT, Path("municipality_id"), example="2061011",
                        meaning=_("TERYT code of the gmina.")),
            name=Field(Type.TEXT, Path("municipality__name"), example="Białystok",
                       meaning=_("Name of the gmina.")),
            url=Field(Type.PATH, PagePath("municipality-detail", "teryt", "municipality_id"),
                      example="/gminy/2061011/", meaning=_("Path of the gmina's page.")),
        ),
    )
    # The detail has it as municipality.name.
    municipality_name = Field(
        Type.TEXT, Path("municipality__name"), summary=True, detail=False,
        example="Białystok", meaning=_("Name of the gmina."),
    )
    summary = Field(
        Type.TEXT, Path("summary"), example="Mieszkańcy zgłosili 180 projektów, w głosowaniu "
        "wybrali 42.", meaning=_("A short summary in plain text."),
    )
    description = Field(
        Type.MARKDOWN, Path("description"), example="Głosowanie trwało **dwa tygodnie**.",
        meaning=_("The description, in Markdown as written."),
    )
    description_html = Field(
        Type.HTML, Computed(lambda practice: str(render_markdown(practice.description))),
        example="<p>Głosowanie trwało <strong>dwa tygodnie</strong>.</p>",
        meaning=_("The description rendered and sanitised (allow-listed HTML)."),
    )
    organiser = Field(
        Type.TEXT, Path("organiser"), example="Urząd Miejski w Białymstoku",
        meaning=_("Who organised it."),
    )
    organiser_type = Field(
        Type.CODE, Path("organiser_type"), values=(*OrganiserType.values, ""),
        example="urzad", meaning=_("Kind of organiser; empty when not known."),
    )
    participants = Field(
        Type.INTEGER, Path("participants"), nullable=True, example=31250,
        meaning=_("Number of people who took part."),
    )
    outcome = Field(
        Type.TEXT, Path("outcome"), example="42 projekty do realizacji w 2025 r.",
        meaning=_("What came of it."),
    )
    lessons = Field(
        Type.TEXT, Path("lessons"), example="", meaning=_("Lessons learned."),
    )
    sources = Field(
        Type.LINKS, Computed(_links_of(PracticeLink.Kind.SOURCE)),
        example=[{"url": "https://bip.example.org/uchwala-bo-2024", "label": "Uchwała"}],
        meaning=_("Sources (e.g. the resolution in the BIP): address and label."),
    )
    links = Field(
        Type.LINKS, Computed(_links_of(PracticeLink.Kind.LINK)), example=[],
        meaning=_("Further links: address and label."),
    )
    contact = Field(
        Type.TEXT, Path("contact"), example="", meaning=_("Whom to ask about the case."),
    )
    licence = Field(
        Type.CODE, Path("licence"), values=tuple(Licence.values), example="CC-BY-4.0",
        meaning=_("Licence of the record (SPDX identifier)."),
    )
    licence_url = Field(
        Type.URL, Computed(lambda practice: practice.licence_url),
        example="https://creativecommons.org/licenses/by/4.0/",
        meaning=_("Address of the licence's text."),
    )
    facts = Field(
        Type.FACTS, Computed(enrich),
        example={"amount_pln": 25000000, "projects_selected": 42, "votes_cast": 31250},
        meaning=_("Facts specific to the tool, with computed values (e.g. a referendum's "
                  "turnout)."),
    )
    created_at = Field(
        Type.DATETIME, Path("created_at"), example="2025-01-10T12:00:00+01:00",
        meaning=_("When the record was created."),
    )
    updated_at = Field(
        Type.DATETIME, Path("updated_at"), example="2025-01-12T09:30:00+01:00",
        meaning=_("When the record was last changed."),
    )
    url = Field(
        Type.PATH, PagePath("practice-detail", "slug", "slug"), summary=True,
        example="/praktyki/budzet-obywatelski-bialegostoku-2024/",
        meaning=_("Path of the case's page (in Polish, the default language)."),
    )
    is_sample = Field(
        Type.BOOLEAN, Path("is_sample"), summary=True, example=False,
        meaning=_("A sample made up for demonstration, not a real record."),
    )

    class Meta:
        model = Practice
        id_field = "id"
        geo_field = "geometry"
