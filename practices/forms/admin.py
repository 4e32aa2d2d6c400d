"""The admin's case form: the tool's facts as the same generated, labelled and validated
fields as the member's form (practices.forms.facts), instead of a raw JSON box.

The form keeps one field called `facts` (so the admin's fieldsets place it where the JSON box
was), whose widget draws the generated fields of every tool: the case's tool first, the other
tools' folded away below (used when the tool is changed; no script needed). On save only the
chosen tool's fields are read and validated with validate_facts, so the errors are the model's
own, shown above the fields."""
from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from practices.domain.fact_schemas import SCHEMAS, Kind
from practices.domain.facts import validate_facts
from practices.forms.facts import (
    add_fact_errors,
    fact_field,
    shown_value,
    stored_facts,
    typed_value,
)
from practices.models import ParticipationTool, Practice


def input_name(name, tool, key):
    return f"{name}__{tool}__{key}"


class FactsWidget(forms.Widget):
    """Every tool's fact fields; its value is {tool: {key: value as typed}}."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.current_tool = None
        self.tool_names = {}

    def value_from_datadict(self, data, files, name):
        value = {}
        for tool in SCHEMAS:
            facts = {}
            for fact in stored_facts(tool):
                field = input_name(name, tool, fact.key)
                if fact.kind == Kind.CHOICES:
                    typed = data.getlist(field) if hasattr(data, "getlist") else []
                else:
                    typed = typed_value(fact, data.get(field, ""))
                if typed not in ("", [], None):
                    facts[fact.key] = typed
            value[tool] = facts
        return value

    def value_omitted_from_data(self, data, files, name):
        return False

    def _group(self, name, tool, values):
        rows = []
        for fact in stored_facts(tool):
            field = fact_field(fact)
            field_id = f"id_{input_name(name, tool, fact.key)}"
            widget = field.widget.render(
                input_name(name, tool, fact.key), shown_value(fact, values.get(fact.key, "")),
                attrs={"id": field_id}, renderer=None,
            )
            rows.append(format_html(
                '<div class="form-row mapa-fact"><label for="{}">{}</label> {}'
                '<div class="help">{}</div></div>',
                field_id, field.label, widget, field.help_text,
            ))
        return format_html_join("", "{}", ((row,) for row in rows))

    def render(self, name, value, attrs=None, renderer=None):
        value = value if isinstance(value, dict) else {}
        tools = sorted(SCHEMAS, key=lambda tool: tool != self.current_tool)
        parts = []
        for tool in tools:
            legend = self.tool_names.get(tool, tool)
            group = self._group(name, tool, value.get(tool) or {})
            if tool == self.current_tool:
                parts.append(format_html(
                    '<fieldset class="mapa-facts" data-tool="{}"><legend>{}</legend>{}'
                    "</fieldset>", tool, legend, group))
            else:
                parts.append(format_html(
                    '<details class="mapa-facts" data-tool="{}"><summary>{}</summary>{}'
                    "</details>", tool, _("Facts of the tool: %(tool)s") % {"tool": legend},
                    group))
        return format_html_join("", "{}", ((part,) for part in parts))


class FactsField(forms.Field):
    widget = FactsWidget

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        return value if isinstance(value, dict) else {}

    def has_changed(self, initial, data):
        return True


class PracticeAdminForm(forms.ModelForm):
    facts = FactsField(label=_("tool-specific facts"))

    class Meta:
        model = Practice
        # The admin replaces these with its fieldsets' fields.
        fields = (
            "title", "tool", "municipality", "year", "end_year", "start_date", "end_date",
            "location", "summary", "description", "organiser", "organiser_type",
            "participants", "outcome", "lessons", "contact", "licence", "facts",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        widget = self.fields["facts"].widget
        widget.tool_names = {tool.slug: tool.name for tool in ParticipationTool.objects.all()}
        slugs = {str(tool.pk): tool.slug for tool in ParticipationTool.objects.all()}
        if self.is_bound:
            widget.current_tool = slugs.get(str(self.data.get(self.add_prefix("tool"))))
        if widget.current_tool is None and self.instance.tool_id:
            widget.current_tool = self.instance.tool.slug
        if self.instance.tool_id:
            self.initial["facts"] = {self.instance.tool.slug: self.instance.facts or {}}

    def clean(self):
        cleaned = super().clean()
        tool = cleaned.get("tool")
        if tool is None or tool.slug not in SCHEMAS:
            cleaned["facts"] = {}
            return cleaned
        try:
            cleaned["facts"] = validate_facts(tool.slug, (cleaned.get("facts") or {}).get(
                tool.slug, {}))
        except ValidationError as error:
            # The model's own check would repeat the message: nothing is saved anyway.
            self.instance.facts = {}
            add_fact_errors(self, error, lambda key: "facts")
        return cleaned
