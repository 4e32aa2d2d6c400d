"""The data page (/dane/, /en/data/): what the open data hold and how to get them, and its
DCAT-AP metadata (/dane/dcat.jsonld, also embedded in the page as JSON-LD).

Rules:
- Every column of every export is documented from the lists the exports are written from
  (practices.opendata.columns, gmina_rows) and the tools' facts schemas: name, type,
  meaning, allowed values; nothing is written twice by hand. The page is in Polish at /dane/
  and in English at /en/data/.
- Links to every export, the feeds and the tiles carry the page's case filters when given
  (`/dane/?tool=referendum`); filters that do not parse are left out, the page never breaks.
"""
import json
from urllib.parse import urlencode

from django.http import JsonResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from practices.addresses import site_root
from practices.domain.fact_schemas import SCHEMAS
from practices.domain.tools import TOOLS
from practices.filters import CaseFilters
from practices.opendata import dcat, files
from practices.opendata.columns import case_columns
from practices.opendata.exports import CASE_FORMATS, GMINA_FORMATS, SEPARATORS
from practices.opendata.gmina_rows import gmina_columns

# What each type of column holds (the declaration's types and the facts' kinds).
TYPE_NAMES = {
    "integer": gettext_lazy("whole number"), "number": gettext_lazy("number"),
    "text": gettext_lazy("text"), "slug": gettext_lazy("key (a-z, 0-9, -)"),
    "code": gettext_lazy("code from a list"), "teryt": gettext_lazy("TERYT code"),
    "markdown": gettext_lazy("text in Markdown"), "html": gettext_lazy("HTML"),
    "date": gettext_lazy("date (YYYY-MM-DD)"),
    "datetime": gettext_lazy("date and time (ISO 8601)"),
    "boolean": gettext_lazy("true or false"), "url": gettext_lazy("web address"),
    "path": gettext_lazy("path of a page on this site"),
    "links": gettext_lazy("list of links [{url, label}] (JSON)"),
    "count": gettext_lazy("whole number, 0 or more"),
    "amount": gettext_lazy("amount in PLN"), "percent": gettext_lazy("percentage"),
    "choice": gettext_lazy("code from a list"),
    "choices": gettext_lazy("list of codes (JSON)"), "year": gettext_lazy("year"),
}
FORMAT_NAMES = {"csv": "CSV", "xlsx": "XLSX (Excel)", "geojson": "GeoJSON",
                "gpkg": "GeoPackage"}
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
TOOL_NAMES = {tool["slug"]: tool for tool in TOOLS}


def _tool_name(slug, language):
    tool = TOOL_NAMES.get(slug)
    return tool[f"name_{language}"] if tool else slug


def _choice_labels(key):
    for schema in SCHEMAS.values():
        for fact in schema.fields:
            if fact.key == key and fact.choices:
                return [(value, str(label)) for value, label in fact.choices]
    return []


def column_rows(columns, language):
    """The documentation of `columns` for the page's table."""
    rows = []
    for column in columns:
        if column.fact:
            values = _choice_labels(column.fact)
        else:
            values = [(value, "") for value in column.values or () if value != ""]
        rows.append({
            "name": column.name, "type": column.type,
            "type_name": TYPE_NAMES.get(column.type, column.type),
            "meaning": str(column.meaning), "unit": str(column.unit or ""), "values": values,
            "tools": [_tool_name(slug, language) for slug in column.tools],
            "fact": bool(column.fact),
        })
    return rows


def json_ld(document):
    """A JSON-LD document as the safe text of a <script type="application/ld+json">."""
    text = json.dumps(document, ensure_ascii=False, indent=1)
    # Escaped as json_script escapes: no "</script>" can end the element early.
    return mark_safe(text.translate(_JSON_ESCAPES))  # nosec B308 B703


class DataPageView(TemplateView):
    template_name = "opendata/data.html"

    def get_context_data(self, **kwargs):
        from django.utils import translation

        context = super().get_context_data(**kwargs)
        language = translation.get_language() or "pl"
        language = language if language in ("pl", "en") else "pl"
        filters, errors = CaseFilters.parse_lenient(self.request.GET)
        query = urlencode(filters.as_params())
        suffix = f"?{query}" if query else ""
        root = site_root(self.request)
        columns = column_rows(case_columns(), language)
        context.update({
            "page_title": _("Open data"),
            "page_description": _(
                "Download the cases of local participation as CSV, Excel, GeoJSON or "
                "GeoPackage, or use the OGC API, the feeds and the vector tiles; every field "
                "explained."
            ),
            "filtered": bool(query), "ignored": sorted(errors),
            "case_exports": [(FORMAT_NAMES[fmt], f"/export/practices.{fmt}{suffix}")
                             for fmt in CASE_FORMATS],
            "csv_semicolon": "/export/practices.csv?"
            + urlencode({**filters.as_params(), "sep": "semicolon"}),
            "gmina_exports": [(FORMAT_NAMES[fmt], f"/export/municipalities.{fmt}{suffix}")
                              for fmt in GMINA_FORMATS],
            "separators": list(SEPARATORS),
            "feeds": [("Atom", f"/feeds/practices.atom{suffix}"),
                      ("RSS", f"/feeds/practices.rss{suffix}")],
            "tiles": [f"/tiles/{layer}/{{z}}/{{x}}/{{y}}.mvt{suffix}"
                      for layer in ("practices", "municipalities")],
            "api_list": f"/api/practices/{suffix}",
            "case_fields": [row for row in columns if not row["fact"]],
            "fact_fields": [row for row in columns if row["fact"]],
            "gmina_fields": column_rows(gmina_columns(), language),
            "licence_url": files.LICENCE_URL, "attribution": files.attribution(root),
            "publisher": files.publisher_name(),
            "dcat_json_ld": json_ld(dcat.catalog(root)),
        })
        return context


@require_safe
def dcat_view(request):
    """The DCAT-AP catalogue as JSON-LD."""
    return JsonResponse(
        dcat.catalog(site_root(request)), content_type="application/ld+json; charset=utf-8",
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
