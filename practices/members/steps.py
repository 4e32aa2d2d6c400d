"""The steps of the case form, in order, and how a step's form is built from a submission's
data or from what was typed."""
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import pgettext_lazy

from practices.forms.basics import CommonForm, ToolForm
from practices.forms.facts import FactsForm
from practices.forms.links import LinksStep, link_formset
from practices.forms.place import PlaceForm
from practices.models import Submission


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type | None
    template: str


STEPS = (
    Step("tool", pgettext_lazy("case form step", "Tool"), ToolForm, "members/steps/tool.html"),
    Step("basics", pgettext_lazy("case form step", "Basic information"), CommonForm,
         "members/steps/fields.html"),
    Step("facts", pgettext_lazy("case form step", "Tool details"), FactsForm,
         "members/steps/fields.html"),
    Step("place", pgettext_lazy("case form step", "Place"), PlaceForm,
         "members/steps/place.html"),
    Step("sources", pgettext_lazy("case form step", "Sources and media"), LinksStep,
         "members/steps/sources.html"),
    Step("preview", pgettext_lazy("case form step", "Preview"), None, "members/preview.html"),
)
BY_SLUG = {step.slug: step for step in STEPS}
SLUGS = tuple(BY_SLUG)
FORM_STEPS = tuple(step.slug for step in STEPS if step.form_class is not None)

# Where each key of the data (as the service names them in its errors) is filled in.
STEP_OF_KEY = {
    "tool": "tool", "facts": "facts", "municipality": "place", "location": "place",
    "links": "sources", "images": "sources", "attachments": "sources",
}


def step_of(key):
    """The step where the data key of an error ("facts.budget", "links.0.url") is filled."""
    return STEP_OF_KEY.get(key.split(".")[0], "basics")


def field_id(key):
    """The id of the input of an error's data key, for a link to it."""
    parts = key.split(".")
    if parts[0] == "facts" and len(parts) > 1:
        return f"id_facts-{parts[1]}"
    if parts[0] == "links" and len(parts) > 2:
        return f"id_links-{parts[1]}-{parts[2]}"
    if parts[0] == "location":
        return "id_lon"
    return f"id_{parts[0]}"


def neighbours(slug):
    index = SLUGS.index(slug)
    before = SLUGS[index - 1] if index > 0 else None
    after = SLUGS[index + 1] if index + 1 < len(SLUGS) else None
    return before, after


def tool_of(data):
    tool = data.get("tool")
    return tool if isinstance(tool, str) and tool else None


def build(step, data, post=None):
    """(form, formset or None) of a step: bound to `post` when given, else from `data`."""
    tool = tool_of(data)
    kwargs = {"tool": tool} if step.slug == "facts" else {}
    if step.slug == "sources":
        form = LinksStep(post) if post is not None else LinksStep()
        formset = link_formset(post) if post is not None else link_formset(
            initial=LinksStep.initial_from(data))
        return form, formset
    if post is not None:
        return step.form_class(post, **kwargs), None
    return step.form_class(initial=step.form_class.initial_from(data, **kwargs), **kwargs), None


def typed(step, data, post):
    """The data keys a step's POST (or autosave) sets, as typed."""
    kwargs = {"tool": tool_of(data)} if step.slug == "facts" else {}
    if step.slug == "facts" and not kwargs["tool"]:
        return {}
    return step.form_class.typed(post, **kwargs)


def without_nul(value):
    """`value` with NUL characters removed from every string: PostgreSQL's jsonb cannot
    store them (nobody types one; a robot or a broken paste can)."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [without_nul(item) for item in value]
    if isinstance(value, dict):
        return {key: without_nul(item) for key, item in value.items()}
    return value


def apply(data, values):
    """`data` updated with a step's typed values. A changed tool keeps the facts typed for
    the former tool under "facts_by_tool" (and brings back any typed for the new one), so
    trying another tool loses nothing."""
    data = dict(data)
    values = without_nul(values)
    new_tool = values.get("tool")
    old_tool = tool_of(data)
    if new_tool and old_tool and new_tool != old_tool:
        stash = dict(data.get("facts_by_tool") or {})
        if data.get("facts"):
            stash[old_tool] = data["facts"]
        data["facts"] = stash.pop(new_tool, {})
        data["facts_by_tool"] = stash
    data.update(values)
    return data


@transaction.atomic
def save_step(submission, step, source):
    """Saves a step's fields (`source`: the POST or the autosave's fields) into the
    submission's data as stored now, under the row's lock: an upload that listed its image
    meanwhile (practices.media.views.list_in_data locks the same row) keeps its id, where
    writing back the data read at the request's start would drop it."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    submission.data = apply(locked.data, typed(step, locked.data, source))
    submission.step = step.slug
    submission.save(update_fields=["data", "step", "updated_at"])
