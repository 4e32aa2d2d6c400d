"""The widget the submission form includes on its "sources and media" step: labelled inputs
that never travel with the form, the ids the submission holds in hidden inputs named "images"
and "attachments", an aria-live region, and its configuration through json_script."""
import json
import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def rendered(submission, language="pl"):
    request = RequestFactory().get("/")
    with translation.override(language):
        return render_to_string("media/upload_widget.html", {"submission": submission},
                                request=request)


def test_the_widget_keeps_the_submissions_ids_in_hidden_inputs(draft):
    draft.data = {"images": [3, 5], "attachments": [8]}

    html = rendered(draft)

    assert re.findall(r'<input type="hidden" name="(\w+)" value="(\d+)">', html) == [
        ("images", "3"), ("images", "5"), ("attachments", "8"),
    ]


def test_the_widgets_own_inputs_are_labelled_and_have_no_name(draft):
    html = rendered(draft)

    for field_id, label in [
        ("media-image-file", "Dodaj zdjęcie"),
        ("media-image-alt", "Opis zdjęcia dla osób niewidomych"),
        ("media-file-file", "Dodaj dokument PDF"),
        ("media-file-title", "Tytuł dokumentu"),
    ]:
        assert f'<label for="{field_id}">{label}</label>' in html
        tag = re.search(rf'<input [^>]*id="{field_id}"[^>]*>', html).group(0)
        assert " name=" not in tag
    assert "<h3 id=\"media-images-heading\">Zdjęcia</h3>" in html
    assert "Dokumenty (PDF)" in html
    assert 'role="status" aria-live="polite"' in html


def test_the_configuration_reaches_the_script_through_json_script(draft):
    config = json.loads(re.search(
        r'<script id="media-config" type="application/json">(.*?)</script>', rendered(draft, "en")
    ).group(1))

    assert config["url"] == reverse("media:upload", args=[draft.pk])
    assert config["deleteUrl"] == f"/moje-praktyki/{draft.pk}/media/KIND/999999999/usun/"
    assert config["language"] == "en"
    assert config["maxBytes"] == {"image": 10 * 1024 * 1024, "attachment": 20 * 1024 * 1024}
    assert config["messages"]["remove"] == "Remove"
    assert config["csrfToken"]
