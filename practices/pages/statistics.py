"""The statistics page (charts of the published cases by tool, year and voivodeship, the
participation ranking) and the ranking's CSV/JSON export."""
import csv
from urllib.parse import urlencode

from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from practices import stats
from practices.caching import cached
from practices.pages import charts
from practices.pages.site import site_root

RANKING_ROWS_ON_PAGE = 100


def cached_ranking(filters):
    query = sorted(filters.as_query().items())
    # The window moves with the calendar year, so the year is part of the key.
    year = timezone.localdate().year
    return cached("ranking", lambda: stats.participation_ranking(filters), query, year)


class StatisticsView(TemplateView):
    template_name = "practices/statistics.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters, filter_errors = stats.RankingFilters.parse(self.request.GET)
        # Aggregating every published case takes about half a second at 100,000 cases:
        # computed once per data version, not once per visitor.
        table, by_voivodeship = cached("summary", stats.statistics_summary)
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
