"""The WSGI application the API benchmark runs on gunicorn: the product's URLs plus one
bench-only view, `/bench/drf-gis/practices/`, a plain djangorestframework-gis
GeoFeatureModelSerializer list of the same cases with the same filters and properties (the
textbook way to write the endpoint, kept here as the baseline to beat; never in the product).

    gunicorn bench.api_server:application
"""
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mapa.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.urls import path  # noqa: E402
from rest_framework import serializers  # noqa: E402
from rest_framework.generics import ListAPIView  # noqa: E402
from rest_framework.renderers import JSONRenderer  # noqa: E402
from rest_framework_gis.serializers import GeoFeatureModelSerializer  # noqa: E402

from mapa import urls as product_urls  # noqa: E402
from practices.filters import CaseFilters  # noqa: E402
from practices.models import Practice  # noqa: E402


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
        return (
            CaseFilters.parse(self.request.query_params).practices()
            .select_related("tool", "municipality").order_by("pk")
        )


# Top level, like the product's, so LocaleMiddleware still sees the i18n patterns.
urlpatterns = [
    path("bench/drf-gis/practices/", PlainPracticeList.as_view()),
    *product_urls.urlpatterns,
]
settings.ROOT_URLCONF = __name__
application = get_wsgi_application()
