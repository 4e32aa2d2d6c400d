"""What every step of the case form shares: how it reads its values from `Submission.data`
and how it turns what was typed (a POST, or the JSON of an autosave) back into data keys.

Rules: what was typed is stored as typed, valid or not (strings stay strings), so a failed
validation, an expired session or a server error loses nothing; only the keys a step owns are
written, so the images and attachments (written by the media upload) are never touched."""
from django import forms
from django.http import QueryDict

# A field no person fills: visually hidden, hidden from assistive technology and out of the
# tab order. A value in it means a robot filled the form.
HONEYPOT = "website_url"

# Whole numbers only in ASCII digits: "²".isdigit() is true, but int("²") fails.
ASCII_DIGITS = frozenset("0123456789")


class StepForm(forms.Form):
    """A step: `data_keys` are the keys of Submission.data it owns."""

    data_keys = ()

    @classmethod
    def initial_from(cls, data, **kwargs):
        """Form initial values from the submission's data."""
        return {key: data.get(key, "") for key in cls.data_keys}

    @classmethod
    def typed(cls, post, **kwargs):
        """{data key: value as typed} from a POST (a QueryDict)."""
        return {key: post.get(key, "") for key in cls.data_keys if key in post}


def as_querydict(fields):
    """The fields of an autosave ({name: value or [values]}) as a QueryDict, as a POST of
    the same form would give them. Anything but strings, numbers and lists of them is
    dropped."""
    query = QueryDict(mutable=True)
    if not isinstance(fields, dict):
        return query
    for name, value in fields.items():
        if not isinstance(name, str):
            continue
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, bool):
                item = "on" if item else ""
            if isinstance(item, str | int | float):
                query.appendlist(name, str(item))
    return query


def is_whole_number(text):
    return bool(text) and set(text) <= ASCII_DIGITS
