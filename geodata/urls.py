"""HTML pages of the register, under i18n_patterns: the gmina page at /gminy/<teryt>/ in
Polish (the msgstr of the path below) and /en/municipalities/<teryt>/ in English."""
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
