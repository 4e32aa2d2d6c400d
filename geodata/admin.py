"""Read-mostly admin for the register of administrative units.

Codes, names, types and boundaries come from the boundary import (`manage.py
import_boundaries`); editing them by hand would be overwritten by the next import, so they are
read-only here and units are neither added nor deleted. Only a gmina's population, which the
boundary files do not carry, can be edited; its eligible voters come from `manage.py
import_voters` and are read-only like the rest. Boundaries are shown on a read-only map served
from our static files (no CDN).
"""
from django.contrib import admin
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from geodata.models import County, Municipality, Voivodeship
from geodata.widgets import MEDIA_CSS, MEDIA_JS, boundary_map


class RegisterAdmin(admin.ModelAdmin):
    """No adding or deleting; every field read-only unless listed in `editable_fields`."""

    editable_fields = ()
    list_per_page = 100

    class Media:
        css = {"all": MEDIA_CSS}
        js = MEDIA_JS

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [name for name in self.fields if name not in self.editable_fields]

    def get_queryset(self, request):
        # Lists show names and codes; boundaries (heavy) load only where a map needs them.
        return super().get_queryset(request).defer("boundary")

    @admin.display(description=_("boundary"))
    def boundary_map(self, obj):
        geometry = getattr(obj, "display_boundary", None) or obj.boundary
        if geometry is None:
            return "-"
        return boundary_map(geometry, f"boundary_{obj.pk}", _("Boundary of %(name)s") % {
            "name": obj})


@admin.register(Voivodeship)
class VoivodeshipAdmin(RegisterAdmin):
    list_display = ("teryt", "name")
    search_fields = ("^teryt", "name", "name__unaccent")
    fields = ("teryt", "name", "updated_at", "boundary_map")


@admin.register(County)
class CountyAdmin(RegisterAdmin):
    list_display = ("teryt", "name", "kind", "voivodeship")
    list_filter = ("voivodeship",)
    list_select_related = ("voivodeship",)
    search_fields = ("^teryt", "name", "name__unaccent")
    fields = ("teryt", "name", "kind", "voivodeship", "updated_at", "boundary_map")


@admin.register(Municipality)
class MunicipalityAdmin(RegisterAdmin):
    list_display = ("teryt", "name", "type", "county", "voivodeship", "population", "area")
    list_filter = ("voivodeship", "type")
    search_fields = ("^teryt", "name", "name__unaccent")
    fields = (
        "teryt", "name", "type", "county", "voivodeship", "area", "population",
        "eligible_voters", "eligible_voters_year", "eligible_voters_source",
        "updated_at", "boundary_map",
    )
    editable_fields = ("population",)

    @admin.display(description=_("area (km²)"), ordering="area_km2")
    def area(self, obj):
        return number_format(obj.area_km2, 2)

    def get_queryset(self, request):
        return (
            super().get_queryset(request)
            .defer("display_boundary", "county__boundary", "voivodeship__boundary")
            .select_related("county", "voivodeship")
        )
