from django.views.generic import DetailView

from geodata.models import Municipality


class MunicipalityDetailView(DetailView):
    template_name = "geodata/municipality_detail.html"
    context_object_name = "municipality"
    slug_field = slug_url_kwarg = "teryt"
    queryset = Municipality.objects.select_related("county", "voivodeship")
