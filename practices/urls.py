"""HTML pages of the catalogue, mounted under i18n_patterns: Polish at /, English under /en/.

The paths are translated: the msgid is the English path and the Polish catalogue gives the
Polish one (practices/ -> praktyki/), so the compiled catalogue (make messages) must be present
for the Polish addresses to resolve.
"""
from django.urls import path
from django.utils.translation import gettext_lazy as _

from practices import map_views, views

urlpatterns = [
    path("", map_views.MapView.as_view(), name="map"),
    path(_("practices/<slug:slug>/"), views.PracticeDetailView.as_view(), name="practice-detail"),
    path(_("tools/"), views.ToolListView.as_view(), name="tool-list"),
    path(_("tools/<slug:slug>/"), views.ToolDetailView.as_view(), name="tool-detail"),
    path(_("statistics/"), views.StatisticsView.as_view(), name="statistics"),
    path(
        _("statistics/ranking.<str:fmt>"), views.RankingExportView.as_view(),
        name="ranking-export",
    ),
]
