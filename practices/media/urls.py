"""Language-neutral URLs of uploaded media, namespace `media`, included first by mapa/urls.py
(before anything else could serve /media/). The upload endpoints sit at the Polish address of
the member's case (`moje-praktyki/<pk>/media/`) for every language: they answer JSON, in the
language the widget names."""
from django.urls import path

from practices.media import files, views

app_name = "media"
urlpatterns = [
    path("media/cases/<path:name>", files.serve, name="file"),
    path("moje-praktyki/<int:pk>/media/", views.upload, name="upload"),
    path("moje-praktyki/<int:pk>/media/<str:kind>/<int:item>/usun/", views.delete,
         name="delete"),
]
