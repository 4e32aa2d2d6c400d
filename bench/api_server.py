"""The WSGI application the API benchmark runs on gunicorn: a checkout's own URLs plus one
bench-only view, `/bench/drf-gis/practices/`, a plain djangorestframework-gis
GeoFeatureModelSerializer list of the same cases with the same filters and properties (the
textbook way to write the endpoint, kept here as the baseline to beat; never in the product).

bench.checkouts.Server imports this file under another name, from whichever checkout it
serves (--app-dir), so it imports nothing from the bench package and nothing from the
product but the settings, the Practice model and the URLconf, which every checkout has.
The view parses its few parameters itself, as a textbook view would with django-filter.

It selects only what it serialises: the case's own columns, the tool's slug and the gmina's
name through one join each (`select_related` + `only`), never a gmina's boundary.
"""
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mapa.settings")

from django.conf import settings  # noqa: E402

# The product no longer installs rest_framework_gis; the baseline needs its app config
# (which registers the geometry field for model serializers).
if "rest_framework_gis" not in settings.INSTALLED_APPS:
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "rest_framework_gis"]

import django  # noqa: E402

django.setup()

from importlib import import_module  # noqa: E402

from django.contrib.gis.geos import Polygon  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.urls import path  # noqa: E402
from rest_framework import serializers  # noqa: E402
from rest_framework.exceptions import ValidationError  # noqa: E402
from rest_framework.generics import ListAPIView  # noqa: E402
from rest_framework.renderers import JSONRenderer  # noqa: E402
from rest_framework_gis.serializers import GeoFeatureModelSerializer  # noqa: E402

from practices.models import Practice  # noqa: E402

PRODUCT_URLCONF = settings.ROOT_URLCONF


class PlainPracticeSerializer(GeoFeatureModelSerializer):
    tool = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    municipality_name = serializers.CharField(source="municipality.name", read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Practice
        geo_field = "location"
        fields = ["id", "slug", "title", "tool", "year", "municipality", "municipality_name",
                  "url", "is_sample"]


class PlainPracticeList(ListAPIView):
    serializer_class = PlainPracticeSerializer
    renderer_classes = [JSONRenderer]
    pagination_class = None
    authentication_classes = []
    permission_classes = []

    def get_queryset(self):
        params = self.request.query_params
        queryset = (
            Practice.objects.filter(status="published")
            .select_related("tool", "municipality")
            .only("id", "slug", "title", "year", "is_sample", "location", "municipality_id",
                  "tool_id", "tool__slug", "municipality__name")
            .order_by("pk")
        )
        try:
            if params.get("tool"):
                queryset = queryset.filter(tool__slug__in=params["tool"].split(","))
            if params.get("year"):
                queryset = queryset.filter(year=int(params["year"]))
            if params.get("bbox"):
                box = Polygon.from_bbox([float(part) for part in params["bbox"].split(",")])
                queryset = queryset.filter(location__intersects=box)
        except ValueError as error:
            raise ValidationError({"detail": str(error)}) from None
        return queryset


# Top level, like the product's, so LocaleMiddleware still sees the i18n patterns.
urlpatterns = [
    path("bench/drf-gis/practices/", PlainPracticeList.as_view()),
    *import_module(PRODUCT_URLCONF).urlpatterns,
]
settings.ROOT_URLCONF = __name__
application = get_wsgi_application()
