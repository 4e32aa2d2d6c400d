"""The tool's facts as form fields, generated from the per-tool schemas.

Each stored fact of the tool (practices.domain.fact_schemas) becomes a labelled field of its
kind (a number, an amount, a date, one or several choices, text, an address, yes/no) with a
plain-language help text and an example. The fields themselves accept anything typed; the
form validates the whole set through `validate_facts`, so its errors are exactly the ones the
model, the service and the API give, each shown next to its field."""
from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from practices.domain.fact_schemas import Kind
from practices.domain.facts import fields_for, validate_facts
from practices.forms.base import StepForm

HELP = {
    Kind.COUNT: _("A whole number, e.g. 1250."),
    Kind.AMOUNT: _("An amount in PLN, with a comma or a dot before the grosze, e.g. "
                   "1500000,50."),
    Kind.DATE: _("A date, e.g. 2024-05-17."),
    Kind.CHOICE: _("Choose one."),
    Kind.CHOICES: _("Tick every one that applies."),
    Kind.TEXT: _("Plain text, at most %(max)s characters."),
    Kind.URL: _("A full web address, e.g. https://bip.example.pl/uchwala-12."),
    Kind.BOOLEAN: _("Yes, no, or leave it unknown."),
}
YES, NO = "true", "false"


class RawField(forms.Field):
    """A field that keeps what was typed: the form's clean() validates the facts together."""

    def __init__(self, *, multiple=False, **kwargs):
        self.multiple = multiple
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        if self.multiple:
            return list(value or [])
        return value if value is not None else ""


def _widget(fact):
    if fact.kind == Kind.COUNT:
        return forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
    if fact.kind == Kind.AMOUNT:
        return forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    if fact.kind == Kind.DATE:
        return forms.DateInput(attrs={"type": "date"})
    if fact.kind == Kind.CHOICE:
        return forms.Select(choices=[("", "—"), *fact.choices])
    if fact.kind == Kind.CHOICES:
        return forms.CheckboxSelectMultiple(choices=fact.choices)
    if fact.kind == Kind.URL:
        return forms.URLInput(attrs={"maxlength": fact.max_length})
    if fact.kind == Kind.BOOLEAN:
        return forms.Select(choices=[("", "—"), (YES, _("yes")), (NO, _("no"))])
    if fact.max_length > 300:
        return forms.Textarea(attrs={"rows": 3, "maxlength": fact.max_length})
    return forms.TextInput(attrs={"maxlength": fact.max_length})


def _label(fact):
    if fact.unit:
        return format_lazy("{} ({})", fact.label, fact.unit)
    return fact.label


def fact_field(fact):
    """The form field of one stored fact."""
    help_text = HELP[fact.kind]
    if fact.kind == Kind.TEXT:
        # Built per request, so formatting here is in the active language.
        help_text = help_text % {"max": fact.max_length}
    return RawField(
        label=_label(fact), help_text=help_text, widget=_widget(fact),
        multiple=fact.kind == Kind.CHOICES,
    )


def stored_facts(tool_slug):
    """The facts of a tool a person enters (the computed ones are left out)."""
    return [fact for fact in fields_for(tool_slug) if not fact.computed]


def typed_value(fact, value):
    """A value as stored in Submission.data: yes/no as booleans, everything else as typed."""
    if fact.kind == Kind.BOOLEAN:
        return {YES: True, NO: False}.get(value, value)
    return value


def shown_value(fact, value):
    if fact.kind == Kind.BOOLEAN and isinstance(value, bool):
        return YES if value else NO
    return value


def add_fact_errors(form, error, field_of=lambda key: key):
    """Puts the errors of validate_facts next to their fields (others at the top)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for key, errors in error.error_dict.items():
        name = field_of(key)
        form.add_error(name if name in form.fields else None, errors)


class FactsForm(StepForm):
    """The facts of one tool; build it with `tool=slug` (the form's prefix is "facts")."""

    intro = _(
        "The facts that describe this tool: amounts, numbers of projects or votes, dates. "
        "Fill in what you know; every field may stay empty."
    )
    data_keys = ("facts",)

    def __init__(self, *args, tool, **kwargs):
        kwargs.setdefault("prefix", "facts")
        super().__init__(*args, **kwargs)
        self.tool = tool
        self.facts = stored_facts(tool)
        for fact in self.facts:
            self.fields[fact.key] = fact_field(fact)
        self.cleaned_facts = None

    @classmethod
    def initial_from(cls, data, *, tool, **kwargs):
        facts = data.get("facts") if isinstance(data.get("facts"), dict) else {}
        return {
            fact.key: shown_value(fact, facts[fact.key])
            for fact in stored_facts(tool) if fact.key in facts
        }

    @classmethod
    def typed(cls, post, *, tool, prefix="facts", **kwargs):
        facts = {}
        for fact in stored_facts(tool):
            name = f"{prefix}-{fact.key}"
            if fact.kind == Kind.CHOICES:
                value = post.getlist(name)
            else:
                value = typed_value(fact, post.get(name, ""))
            if value not in ("", [], None):
                facts[fact.key] = value
        return {"facts": facts}

    def clean(self):
        facts = self.typed(self.data, tool=self.tool, prefix=self.prefix)["facts"]
        try:
            self.cleaned_facts = validate_facts(self.tool, facts)
        except ValidationError as error:
            add_fact_errors(self, error)
        return self.cleaned_data
