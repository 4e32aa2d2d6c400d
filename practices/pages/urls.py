"""HTML pages of the catalogue, mounted under i18n_patterns: Polish at /, English under /en/.

The paths are translated: the msgid is the English path and the Polish catalogue gives the
Polish one (practices/ -> praktyki/, municipalities/ -> gminy/), so the compiled catalogue
(make messages) must be present for the Polish addresses to resolve.
"""
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from practices.pages import cases, gmina_sheet, gminy, map, places, statistics, tools

urlpatterns = [
    path("", map.MapView.as_view(), name="map"),
    path("places.json", places.places_view, name="map-places"),
    path(_("practices/<slug:slug>/"), cases.PracticeDetailView.as_view(), name="practice-detail"),
    path(
        _("municipalities/<str:teryt>/"), gminy.MunicipalityDetailView.as_view(),
        name="municipality-detail",
    ),
    path(
        _("municipalities/<str:teryt>/print/"), gmina_sheet.GminaSheetView.as_view(),
        name="municipality-sheet",
    ),
    path(_("tools/"), tools.ToolListView.as_view(), name="tool-list"),
    path(_("tools/<slug:slug>/"), tools.ToolDetailView.as_view(), name="tool-detail"),
    # Members' accounts (django-allauth): sign-in, sign-up, confirmation, password reset.
    path(_("account/"), include("allauth.urls")),
    path(_("statistics/"), statistics.StatisticsView.as_view(), name="statistics"),
    path(
        _("statistics/ranking.<str:fmt>"), statistics.RankingExportView.as_view(),
        name="ranking-export",
    ),
    path(_("moderation/"), include("practices.review.urls")),
    path(_("my-cases/"), include("practices.members.urls")),
]
