from django.urls import path
from django.utils.translation import gettext_lazy as _

from practices import map_views, views

urlpatterns = [
    path("", map_views.MapView.as_view(), name="map"),
    path(_("practices/<slug:slug>/"), views.PracticeDetailView.as_view(), name="practice-detail"),
    path(_("tools/<slug:slug>/"), views.ToolDetailView.as_view(), name="tool-detail"),
]
