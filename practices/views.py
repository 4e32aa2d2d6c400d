"""Server-rendered public pages of the catalogue: a case, a tool, the tools, the statistics and
the participation ranking export.

Visibility: a case page shows what `Practice.objects.visible_to(user)` allows (others 404);
every list and count shows published cases only (`Practice.objects.published()`).
"""
import csv
import json
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from mapa.context_processors import base_map_config, site_root
from practices import charts, stats
from practices.models import ParticipationTool, Practice, PracticeLink, Status

RECENT_CASES_ON_TOOL_PAGE = 20
RANKING_ROWS_ON_PAGE = 100


def geometry_json(geometry):
    return json.loads(geometry.geojson) if geometry else None


class PracticeDetailView(DetailView):
    template_name = "practices/practice_detail.html"
    context_object_name = "practice"

    def get_queryset(self):
        return (
            Practice.objects.visible_to(self.request.user)
            .select_related(
                "tool", "municipality", "municipality__county", "municipality__voivodeship"
            )
            # The full-resolution boundary is not drawn here; the display boundary is.
            .defer("municipality__boundary", "search_vector")
            .prefetch_related("links")
        )

    def get_context_data(self, **kwargs):
        from practices.facts import display_facts
        from practices.markdown import render_markdown

        context = super().get_context_data(**kwargs)
        practice = self.object
        municipality = practice.municipality
        absolute_url = site_root(self.request) + practice.get_absolute_url()
        links = list(practice.links.all())
        point = practice.location or municipality.point
        context.update({
            "page_title": practice.title,
            "page_description": practice.summary or _(
                "%(tool)s in %(municipality)s, %(year)s: a case of local participation."
            ) % {"tool": practice.tool.name, "municipality": municipality.name,
                 "year": practice.year},
            "facts": display_facts(practice),
            "description_html": render_markdown(practice.description),
            "sources": [link for link in links if link.kind == PracticeLink.Kind.SOURCE],
            "other_links": [link for link in links if link.kind == PracticeLink.Kind.LINK],
            "is_public": practice.status == Status.PUBLISHED,
            "absolute_url": absolute_url,
            "citation": self.citation(practice, absolute_url),
            "report_error_mailto": self.report_error_mailto(practice, absolute_url),
            "page_map": {
                **base_map_config(),
                # The imported boundary: the display one is generalised for the national choropleth
                # and would look coarse at a single gmina's zoom.
                "boundary": geometry_json(municipality.boundary),
                "points": [{
                    "lon": point.x, "lat": point.y, "title": practice.title,
                    "color": practice.tool.color,
                }],
                "label": _("Map of the case's location in %(municipality)s")
                % {"municipality": municipality.name},
            },
        })
        return context

    @staticmethod
    def citation(practice, absolute_url):
        """A suggested citation: title, gmina, year, the site, the address, the access date."""
        return _(
            "%(title)s. %(municipality)s, %(year)s. Participation Map, %(url)s "
            "(accessed %(date)s). Licence: %(licence)s."
        ) % {
            "title": practice.title,
            "municipality": practice.municipality.name,
            "year": practice.year,
            "url": absolute_url,
            "date": timezone.localdate().isoformat(),
            "licence": practice.get_licence_display(),
        }

    @staticmethod
    def report_error_mailto(practice, absolute_url):
        address = getattr(settings, "MAPA_CONTACT_EMAIL", "")
        subject = _("Error in the case: %(url)s") % {"url": absolute_url}
        body = _("What is wrong, and where can we check the correct information?")
        return f"mailto:{address}?" + urlencode(
            {"subject": subject, "body": body + "\n\n"}, quote_via=quote
        )


def published_counts_by_tool():
    return dict(
        Practice.objects.published().order_by().values_list("tool_id")
        .annotate(n=Count("id")).values_list("tool_id", "n")
    )


class ToolListView(ListView):
    template_name = "practices/tool_list.html"
    context_object_name = "tools"
    queryset = ParticipationTool.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = published_counts_by_tool()
        context.update({
            "page_title": _("Participation tools"),
            "page_description": _(
                "The legal and practical tools residents of Polish municipalities use to take "
                "part in local decisions, with the number of cases of each."
            ),
            "tool_rows": [(tool, counts.get(tool.pk, 0)) for tool in context["tools"]],
        })
        return context


class ToolDetailView(DetailView):
    template_name = "practices/tool_detail.html"
    context_object_name = "tool"
    queryset = ParticipationTool.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tool = self.object
        cases = Practice.objects.published().filter(tool=tool)
        per_year = stats.counts_by_year(cases)
        recent = (
            cases.select_related("municipality")
            .only("slug", "title", "year", "is_sample", "municipality__name",
                  "municipality__teryt")
            .order_by("-year", "title")[:RECENT_CASES_ON_TOOL_PAGE]
        )
        context.update({
            "page_title": tool.name,
            "page_description": tool.description[:300],
            "total": sum(count for _year, count in per_year),
            "per_year": per_year,
            "per_year_chart": charts.column_chart(per_year),
            "by_voivodeship": [row for row in stats.counts_by_voivodeship(cases) if row[1]],
            "recent_cases": recent,
            "sample_count": stats.sample_count(cases),
            "map_query": urlencode({"tool": tool.slug}),
            "page_map": {
                **base_map_config(),
                # The cases come from the API, clustered: a tool can have thousands.
                "dataUrl": reverse("api-practice-list") + "?" + urlencode({"tool": tool.slug}),
                "cluster": True,
                "color": tool.color,
                "label": _("Map of the cases of %(tool)s") % {"tool": tool.name},
            },
        })
        return context


def cached_ranking(filters):
    query = sorted(filters.as_query().items())
    # The window moves with the calendar year, so the year is part of the key.
    year = timezone.localdate().year
    return stats.cached("ranking", lambda: stats.participation_ranking(filters), query, year)


class StatisticsView(TemplateView):
    template_name = "practices/statistics.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters, filter_errors = stats.RankingFilters.parse(self.request.GET)
        # Aggregating every published case takes about half a second at 100,000 cases:
        # computed once per data version, not once per visitor.
        table, by_voivodeship = stats.cached("summary", stats.statistics_summary)
        largest = max((max(row[1], default=0) for row in table.rows), default=0)
        shared_top, _step = charts.axis(largest)
        growth = stats.growth_by_year(table=table)
        ranking = cached_ranking(filters)
        export_query = urlencode(filters.as_query())
        context.update({
            "page_title": _("Statistics"),
            "page_description": _(
                "Cases of local participation in Polish municipalities by tool, year and "
                "voivodeship, and the ranking of the most participatory municipalities."
            ),
            "tool_year": table,
            "tool_charts": [
                (tool, charts.column_chart(
                    list(zip(table.years, counts, strict=True)), width=300, height=150,
                    top=shared_top,
                ), total)
                for tool, counts, total in table.rows
            ],
            "by_voivodeship": by_voivodeship,
            "voivodeship_chart": charts.bar_chart(
                [(voivodeship.name, count) for voivodeship, count in by_voivodeship]
            ),
            "growth": growth,
            "growth_chart": charts.line_chart([(year, total) for year, _new, total in growth]),
            "sample_count": table.samples,
            "ranking": ranking,
            "ranking_rows": ranking.rows[:RANKING_ROWS_ON_PAGE],
            "ranking_filters": filters,
            "filter_errors": filter_errors,
            "voivodeships": [voivodeship for voivodeship, _count in by_voivodeship],
            "municipality_types": stats.MunicipalityType.choices,
            "export_query": export_query,
            "window_years": stats.RANKING_WINDOW_YEARS,
            "intensity_full_score": stats.INTENSITY_FULL_SCORE_PER_10K,
        })
        return context


class RankingExportView(View):
    """The whole participation ranking as CSV or JSON, with language-neutral column names.
    Bad filters answer 400 with a JSON body naming the parameter."""

    def get(self, request, fmt):
        if fmt not in ("csv", "json"):
            raise Http404("Unknown export format.")
        filters, errors = stats.RankingFilters.parse(request.GET)
        if errors:
            # The same shape as the API's answer to bad parameters.
            return JsonResponse({"errors": errors}, status=400)
        ranking = cached_ranking(filters)
        records = stats.ranking_records(ranking)
        name = f"participation-ranking-{ranking.first_year}-{ranking.last_year}"
        if fmt == "json":
            response = JsonResponse({
                "first_year": ranking.first_year,
                "last_year": ranking.last_year,
                "filters": filters.as_query(),
                "method": site_root(request) + reverse("statistics") + "#method",
                "results": records,
            }, json_dumps_params={"ensure_ascii": False})
        else:
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            # A byte-order mark, so spreadsheet programs read the Polish letters as UTF-8.
            response.write("\ufeff")
            writer = csv.DictWriter(response, fieldnames=stats.RANKING_COLUMNS)
            writer.writeheader()
            writer.writerows(records)
        response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
        return response
