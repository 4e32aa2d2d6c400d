"""The read-only public API (language-neutral), mounted at /api/. Documented in docs/api.md;
the OpenAPI document is at /api/schema/ and browsable at /api/docs/ (Swagger UI, served from
our static files by drf-spectacular-sidecar, never a CDN; drf-spectacular's ReDoc page is not
offered because its template loads Google Fonts). The split view serves Swagger UI's start-up
script as a file of its own (/api/docs/?script=), so the page runs under our Content Security
Policy with no inline script."""
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from practices.api import cases, catalogue, municipalities, points

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
    path("points/", points.PointListView.as_view(), name="api-point-list"),
    path("points/<str:pk>/", points.PointDetailView.as_view(), name="api-point-detail"),
    path("tools/", catalogue.ToolListView.as_view(), name="api-tool-list"),
    path("stats/", catalogue.StatsView.as_view(), name="api-stats"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs",
    ),
]
