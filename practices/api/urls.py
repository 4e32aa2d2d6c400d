"""The read-only public API (language-neutral), mounted at /api/. Documented in docs/api.md;
the OpenAPI document is at /api/schema/ and browsable at /api/docs/ (Swagger UI, served from
our static files by drf-spectacular-sidecar, never a CDN; drf-spectacular's ReDoc page is not
offered because its template loads Google Fonts)."""
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from practices.api import cases, catalogue, municipalities

urlpatterns = [
    path("practices/", cases.PracticeListView.as_view(), name="api-practice-list"),
    path(
        "practices/<str:slug>/", cases.PracticeDetailView.as_view(), name="api-practice-detail",
    ),
    path(
        "municipalities/", municipalities.MunicipalityListView.as_view(),
        name="api-municipality-list",
    ),
    path(
        "municipalities/<str:teryt>/", municipalities.MunicipalityDetailView.as_view(),
        name="api-municipality-detail",
    ),
    path("tools/", catalogue.ToolListView.as_view(), name="api-tool-list"),
    path("stats/", catalogue.StatsView.as_view(), name="api-stats"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]
