"""Admin for cases and the participation tools.

Every admin page works offline: the location map is our Leaflet widget (geodata.widgets),
not GeoDjango's CDN-loaded OpenLayers. Facts are edited through the same generated, labelled
fields as the members' case form (practices.forms.admin.PracticeAdminForm), validated by the
tool's schema.

A case's status is read-only here: it changes only through practices.moderation, by the
actions "publish", "send back for changes" and "archive", which ask for a reason first
(moderators only), as the moderation queue does.
"""
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.gis.db import models as gis_models
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from geodata.geometry import PointInputField
from geodata.widgets import LeafletPointWidget
from practices import moderation
from practices.domain.fact_schemas import SCHEMAS
from practices.forms.admin import PracticeAdminForm
from practices.models import BudgetProject, ParticipationTool, Practice, PracticeLink


class PracticeLinkInline(admin.TabularInline):
    model = PracticeLink
    extra = 1
    fields = ("kind", "url", "label", "position")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


def _fact_keys(tool_slug):
    fields = SCHEMAS[tool_slug].fields
    stored = [field for field in fields if not field.computed]
    return format_html_join(
        ", ", "<code>{}</code> ({})", ((field.key, field.label) for field in stored)
    )


class BudgetProjectInline(admin.TabularInline):
    """The projects of an imported participatory budget: read-only here, since importing the
    file again replaces them (practices.imports.budgets)."""

    model = BudgetProject
    extra = 0
    can_delete = False
    fields = readonly_fields = ("district", "project_id", "name", "cost", "votes", "selected")

    def has_add_permission(self, request, obj=None):
        return False


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False,
                             widget=forms.Textarea(attrs={"rows": 4, "cols": 80}))


def moderation_action(name, description, service, *, reason_required):
    """An admin action that asks for a reason, then calls `service(practice, actor=...,
    reason=...)` of practices.moderation for each selected case, reporting each refusal."""

    def action(modeladmin, request, queryset):
        form = ReasonForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"].strip()
            if reason or not reason_required:
                done = 0
                for practice in queryset:
                    try:
                        service(practice, actor=request.user, reason=reason)
                        done += 1
                    except ValidationError as error:
                        modeladmin.message_user(
                            request, f"{practice}: {' '.join(error.messages)}", messages.ERROR)
                    except PermissionDenied:
                        modeladmin.message_user(request, _("Only moderators may do this."),
                                                messages.ERROR)
                        return None
                if done:
                    modeladmin.message_user(request, ngettext(
                        "%(action)s: %(count)d case.", "%(action)s: %(count)d cases.", done,
                    ) % {"action": description, "count": done}, messages.SUCCESS)
                return None
            form.add_error("reason", _("Give a reason: the author will read it."))
        return TemplateResponse(request, "admin/practices/practice/moderation_action.html", {
            **modeladmin.admin_site.each_context(request),
            "title": description, "cases": queryset, "form": form, "action": name,
            "opts": modeladmin.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "reason_required": reason_required,
        })

    action.__name__ = name
    return admin.action(description=description, permissions=["moderate"])(action)


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    form = PracticeAdminForm
    list_display = ("title", "tool", "year", "municipality", "status", "is_sample", "updated_at")
    list_filter = ("tool", "year", "municipality__voivodeship", "status", "is_sample",
                   "import_source")
    search_fields = (
        "title", "title__unaccent", "slug", "municipality__name", "municipality__name__unaccent",
        "=municipality__teryt",
    )
    autocomplete_fields = ("municipality", "author")
    # The upsert key of the imports: changing it here would make the next import duplicate.
    # The status changes only through the moderation actions below (practices.moderation).
    readonly_fields = ("status", "facts_reference", "description_preview", "created_at",
                       "updated_at", "import_source", "external_id")
    actions = (
        moderation_action("publish", _("Publish"), moderation.publish_case,
                          reason_required=False),
        moderation_action("send_back", _("Send back for changes"), moderation.send_back_case,
                          reason_required=True),
        moderation_action("archive", _("Archive"), moderation.archive, reason_required=True),
    )
    inlines = (PracticeLinkInline,)
    list_per_page = 50
    save_on_top = True
    formfield_overrides = {
        # Locations are read by geodata.geometry: errors name the problem (NaN, range, CRS).
        gis_models.PointField: {"widget": LeafletPointWidget, "form_class": PointInputField},
        models.JSONField: {"widget": forms.Textarea(attrs={
            "rows": 8, "cols": 80, "class": "vLargeTextField", "style": "font-family: monospace",
        })},
    }
    fieldsets = (
        (None, {"fields": (
            "title", "slug", "tool", "municipality", "status", "is_sample",
            ("year", "end_year"), ("start_date", "end_date"),
        )}),
        (_("Place"), {"fields": ("location",)}),
        (_("Content"), {"fields": (
            "summary", "description", "description_preview", "organiser", "organiser_type",
            "participants", "outcome", "lessons", "contact", "licence",
        )}),
        (_("Tool-specific facts"), {"fields": ("facts", "facts_reference")}),
        (_("Record"), {"fields": ("author", "created_at", "updated_at", "import_source",
                                  "external_id")}),
    )

    def has_moderate_permission(self, request):
        return moderation.is_moderator(request.user)

    def get_queryset(self, request):
        # The list needs the gmina's name, not its boundaries (up to megabytes per row).
        return (
            super().get_queryset(request)
            .select_related("tool", "municipality")
            .defer("municipality__boundary", "municipality__display_boundary", "search_vector")
        )

    def get_inlines(self, request, obj):
        # Only imported budgets have projects; other cases' forms stay as they were.
        if obj is not None and obj.projects.exists():
            return (*self.inlines, BudgetProjectInline)
        return self.inlines

    def get_readonly_fields(self, request, obj=None):
        # Slugs are in every link to a case: set once (or generated), never changed here.
        fields = super().get_readonly_fields(request, obj)
        return ("slug", *fields) if obj else fields

    @admin.display(description=_("allowed facts"))
    def facts_reference(self, obj):
        if obj and obj.tool_id:
            return _fact_keys(obj.tool.slug)
        return format_html_join(
            "", "<p><strong>{}</strong>: {}</p>",
            ((slug, _fact_keys(slug)) for slug in SCHEMAS),
        )

    @admin.display(description=_("description as shown"))
    def description_preview(self, obj):
        if not obj or not obj.description:
            return "-"
        return format_html('<div class="mapa-description-preview">{}</div>', obj.description_html)


class ParticipationToolForm(forms.ModelForm):
    class Meta:
        model = ParticipationTool
        fields = (
            "name_pl", "name_en", "description_pl", "description_en", "legal_basis", "color",
            "icon", "position", "rules",
        )
        widgets = {"color": forms.TextInput(attrs={"type": "color"})}

    def clean_rules(self):
        rules = self.cleaned_data["rules"]
        if not isinstance(rules, dict):
            raise forms.ValidationError(
                _("The thresholds must be a JSON object, e.g. {\"valid_turnout_percent\": 30}.")
            )
        return rules


@admin.register(ParticipationTool)
class ParticipationToolAdmin(admin.ModelAdmin):
    """The tools are data loaded by a migration: names, descriptions, colours and thresholds
    can be edited; slugs cannot (they are in URLs and the API), and tools are neither added
    nor deleted here."""

    form = ParticipationToolForm
    list_display = ("position", "slug", "name_pl", "name_en", "colour_swatch")
    list_display_links = ("slug",)
    readonly_fields = ("slug",)
    fields = (
        "slug", "name_pl", "name_en", "description_pl", "description_en", "legal_basis",
        "color", "icon", "position", "rules",
    )

    @admin.display(description=_("map colour"))
    def colour_swatch(self, obj):
        return format_html(
            '<span style="display:inline-block;width:1.5em;height:1em;background:{};'
            'border:1px solid #666" aria-hidden="true"></span> {}', obj.color, obj.color,
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
