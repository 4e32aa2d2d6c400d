"""The tool pages: the list of participation tools with their counts, and one tool's page
(its description, cases per year and voivodeship, recent cases and a map). Lists and counts
show published cases only."""
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from practices import stats
from practices.models import ParticipationTool, Practice
from practices.pages import charts
from practices.pages.small_map import outline_url, small_map_config

RECENT_CASES_ON_TOOL_PAGE = 20


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
        by_voivodeship = [row for row in stats.counts_by_voivodeship(cases) if row[1]]
        context.update({
            "page_title": tool.name,
            "page_description": tool.description[:300],
            "total": sum(count for _year, count in per_year),
            "per_year": per_year,
            "per_year_chart": charts.column_chart(per_year),
            "by_voivodeship": by_voivodeship,
            "recent_cases": recent,
            "sample_count": stats.sample_count(cases),
            "map_query": urlencode({"tool": tool.slug}),
            "page_map": small_map_config(
                # The cases come from the API, clustered: a tool can have thousands. They are
                # drawn over the gminy of the voivodeships where they are.
                dataUrl=reverse("api-practice-list") + "?" + urlencode({"tool": tool.slug}),
                outlineUrl=outline_url(
                    [v.teryt for v, _n in by_voivodeship] or settings.MAPA_DEFAULT_REGION
                ),
                cluster=True,
                color=tool.color,
                label=_("Map of the cases of %(tool)s") % {"tool": tool.name},
            ),
        })
        return context
