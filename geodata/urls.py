from django.urls import path
from django.utils.translation import gettext_lazy as _

from geodata import views

urlpatterns = [
    path(
        _("municipalities/<str:teryt>/"),
        views.MunicipalityDetailView.as_view(),
        name="municipality-detail",
    ),
]
