"""The first two steps: the tool, and what every case has (title, years, organiser...)."""
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from practices.domain.choices import MAX_YEAR, MIN_YEAR, Licence, OrganiserType
from practices.forms.base import StepForm
from practices.models import HTML_TAG, ParticipationTool


class ToolForm(StepForm):
    intro = _(
        "Which participation tool was used? Choose one; the next steps ask about the facts "
        "of that tool. If none fits, choose “other”."
    )
    data_keys = ("tool",)

    tool = forms.ChoiceField(
        label=pgettext_lazy("case form", "Tool"), widget=forms.RadioSelect,
        error_messages={"required": _("Choose the tool the case is about.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tool"].choices = [
            (tool.slug, tool.name) for tool in ParticipationTool.objects.order_by("position")
        ]


class CommonForm(StepForm):
    intro = _(
        "What every case has: a title, when it happened, who organised it and what came of "
        "it. Only the title and the year are required now; the rest can be filled in later."
    )
    data_keys = (
        "title", "summary", "description", "year", "end_year", "start_date", "end_date",
        "organiser", "organiser_type", "participants", "outcome", "lessons", "contact",
        "licence",
    )

    title = forms.CharField(
        label=_("Title"), max_length=200,
        help_text=_("A short name of the case, e.g. “Budżet obywatelski Supraśla 2024”."),
    )
    summary = forms.CharField(
        label=pgettext_lazy("case form", "Summary"), max_length=500, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences of plain text (at most 500 characters), e.g. "
                    "“Residents chose 12 projects worth 1.5 million PLN.”"),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("How it went, in as much detail as you like. Markdown works: **bold**, "
                    "*italics*, lists starting with “- ”, links as [text](https://…)."),
    )
    year = forms.IntegerField(
        label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR,
        help_text=_("The year of the edition or the year it started, e.g. 2024."),
    )
    end_year = forms.IntegerField(
        label=_("End year"), required=False,
        validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)],
        help_text=_("Only if it lasted several years, e.g. 2026."),
    )
    start_date = forms.DateField(
        label=_("Start date"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("If known, e.g. 2024-03-01."),
    )
    end_date = forms.DateField(
        label=_("End date"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("If known, e.g. 2024-11-30."),
    )
    organiser = forms.CharField(
        label=_("Organiser"), max_length=200, required=False,
        help_text=_("Who ran it, e.g. “Urząd Miejski w Supraślu”."),
    )
    organiser_type = forms.ChoiceField(
        label=_("Organiser type"), required=False,
        choices=[("", "—"), *OrganiserType.choices],
        help_text=_("What kind of body the organiser is, e.g. the municipal office."),
    )
    participants = forms.IntegerField(
        label=pgettext_lazy("case form", "Number of participants"), required=False, min_value=0,
        help_text=_("How many people took part, as a whole number, e.g. 1250."),
    )
    outcome = forms.CharField(
        label=_("Outcome"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What came of it, e.g. “Three playgrounds were built in 2025.”"),
    )
    lessons = forms.CharField(
        label=_("Lessons learned"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What others can learn from it, e.g. “Paper ballots in schools doubled "
                    "the turnout.”"),
    )
    contact = forms.CharField(
        label=_("Contact"), max_length=300, required=False,
        help_text=_("Where to ask about it, e.g. an e-mail address or a web page."),
    )
    licence = forms.ChoiceField(
        label=pgettext_lazy("case form", "Licence"), choices=Licence.choices, initial=Licence.CC_BY,
        help_text=_("Under which licence others may reuse your description. CC BY 4.0 "
                    "(credit the source) suits most cases."),
    )

    @classmethod
    def initial_from(cls, data, **kwargs):
        initial = super().initial_from(data)
        initial["licence"] = initial["licence"] or Licence.CC_BY
        return initial

    def clean_summary(self):
        summary = self.cleaned_data["summary"]
        if summary and HTML_TAG.search(summary):
            raise forms.ValidationError(_(
                "The summary is plain text: remove the HTML tags (formatting belongs in the "
                "description)."
            ))
        return summary

    def clean(self):
        cleaned = super().clean()
        year, end_year = cleaned.get("year"), cleaned.get("end_year")
        if year and end_year and end_year < year:
            self.add_error("end_year", _("The end year cannot be before the year."))
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        return cleaned
