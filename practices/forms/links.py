"""The sources and links of a case: a small formset of kind, address and label.

Rows are kept as typed (an empty row is dropped); a row needs a full http(s) address."""
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from practices.forms.base import StepForm
from practices.models import PracticeLink

PREFIX = "links"
MAX_LINKS = 20
EXTRA_ROWS = 2


class LinkForm(forms.Form):
    kind = forms.ChoiceField(
        label=pgettext_lazy("case form", "Kind"), choices=PracticeLink.Kind.choices,
        initial=PracticeLink.Kind.SOURCE,
        help_text=_("A source confirms the facts (e.g. the resolution in the BIP); a link "
                    "tells more (e.g. a news article)."),
    )
    url = forms.URLField(
        label=pgettext_lazy("case form", "Address"), max_length=500, assume_scheme="https",
        required=False,
        help_text=_("A full address, e.g. https://bip.suprasl.pl/uchwala-12-2024."),
    )
    label = forms.CharField(
        label=pgettext_lazy("case form", "Label"), max_length=200, required=False,
        help_text=_("What it is, e.g. “Resolution no. XII/85/2024”."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("label") and not cleaned.get("url") and "url" not in self.errors:
            self.add_error("url", _("Give the address of this link, or remove its label."))
        return cleaned


class BaseLinkFormSet(forms.BaseFormSet):
    pass


LinkFormSet = forms.formset_factory(
    LinkForm, formset=BaseLinkFormSet, extra=EXTRA_ROWS, max_num=MAX_LINKS,
    absolute_max=MAX_LINKS, validate_max=True,
)


class LinksStep(StepForm):
    """The step's form: nothing of its own; its formset holds the rows."""

    intro = _(
        "Where can readers check the case? Add the sources (a resolution, a report, a page in "
        "the BIP) and other links. Then add photos or documents, if you have them."
    )
    data_keys = ("links",)

    @classmethod
    def initial_from(cls, data, **kwargs):
        links = data.get("links") if isinstance(data.get("links"), list) else []
        return [
            {"kind": link.get("kind") or PracticeLink.Kind.SOURCE, "url": link.get("url", ""),
             "label": link.get("label", "")}
            for link in links[:MAX_LINKS] if isinstance(link, dict)
        ]

    @classmethod
    def typed(cls, post, **kwargs):
        if f"{PREFIX}-TOTAL_FORMS" not in post:
            return {}
        try:
            total = min(int(post.get(f"{PREFIX}-TOTAL_FORMS", "0")), MAX_LINKS + EXTRA_ROWS)
        except ValueError:
            total = 0
        links = []
        for index in range(max(total, 0)):
            row = {name: post.get(f"{PREFIX}-{index}-{name}", "") for name in ("kind", "url",
                                                                               "label")}
            if row["url"].strip() or row["label"].strip():
                row["kind"] = row["kind"] or PracticeLink.Kind.SOURCE
                links.append(row)
        return {"links": links}


def link_formset(data=None, initial=None):
    """The formset bound to a POST, or unbound with the stored rows."""
    if data is not None:
        return LinkFormSet(data, prefix=PREFIX)
    return LinkFormSet(initial=initial or [], prefix=PREFIX)
