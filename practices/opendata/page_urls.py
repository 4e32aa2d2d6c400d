"""The data page, under i18n_patterns (translated paths: /dane/, /en/data/)."""
from django.urls import path
from django.utils.translation import gettext_lazy as _

from practices.opendata import datapage

urlpatterns = [
    path(_("data/"), datapage.DataPageView.as_view(), name="data"),
    path(_("data/dcat.jsonld"), datapage.dcat_view, name="data-dcat"),
]
