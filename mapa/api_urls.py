"""The read-only public API (language-neutral). Documented in docs/api.md; the OpenAPI
document is at /api/schema/ and browsable at /api/docs/ (Swagger UI, served from our static
files by drf-spectacular-sidecar, never a CDN; drf-spectacular's ReDoc page is not offered
because its template loads Google Fonts)."""
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from geodata import api as geodata_api
from practices import api as practices_api

urlpatterns = [
    path("practices/", practices_api.PracticeListView.as_view(), name="api-practice-list"),
    path(
        "practices/<str:slug>/", practices_api.PracticeDetailView.as_view(),
        name="api-practice-detail",
    ),
    path(
        "municipalities/", geodata_api.MunicipalityListView.as_view(),
        name="api-municipality-list",
    ),
    path(
        "municipalities/<str:teryt>/", geodata_api.MunicipalityDetailView.as_view(),
        name="api-municipality-detail",
    ),
    path("tools/", practices_api.ToolListView.as_view(), name="api-tool-list"),
    path("stats/", practices_api.StatsView.as_view(), name="api-stats"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]
