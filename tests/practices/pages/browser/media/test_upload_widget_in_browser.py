"""In Chromium: a member adds a photo in the widget of the submission form, sees its
thumbnail (served through media:file to them), finds its id in the form's hidden input
"images", and removes it again."""
import io

import pytest
from django.conf import settings as django_settings
from django.test import Client
from PIL import Image

from practices.models import CaseImage, Submission
from tests.practices.pages.browser.conftest import screenshot


@pytest.fixture
def signed_in_page(page, site, settings, tmp_path, member):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.ROOT_URLCONF = "tests.practices.pages.browser.media.urls"
    client = Client()
    client.force_login(member)
    page.context.add_cookies([{
        "name": django_settings.SESSION_COOKIE_NAME,
        "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
        "url": site.url,
    }])
    return page


def photo():
    picture = Image.new("RGB", (1200, 800), "green")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_member_adds_a_photo_sees_its_thumbnail_and_removes_it(signed_in_page, site, member):
    page = signed_in_page
    submission = Submission.objects.create(author=member, data={"title": "Budżet"})
    page.goto(f"{site.url}/test-media-widget/{submission.pk}/")
    page.wait_for_selector("[data-media-widget][data-media-ready=true]")
    page.evaluate("document.querySelector('[data-test-form]').addEventListener('change',"
                  " () => { window.formChanges = (window.formChanges || 0) + 1; })")

    page.set_input_files("#media-image-file", files=[
        {"name": "zdjecie.jpg", "mimeType": "image/jpeg", "buffer": photo()},
    ])
    page.get_by_label("Opis zdjęcia dla osób niewidomych").fill("Zielona sala obrad")
    page.get_by_role("button", name="Wyślij zdjęcie").click()

    thumbnail = page.locator(".media-images .media-item img")
    thumbnail.wait_for()
    page.wait_for_function("() => document.querySelector('.media-images img').naturalWidth > 0")
    image = CaseImage.objects.get()
    assert thumbnail.get_attribute("alt") == "Zielona sala obrad"
    assert page.evaluate("document.querySelector('.media-images img').naturalWidth") == 480
    assert page.locator("[data-media-status]").text_content() == "Dodano: Zielona sala obrad."
    assert page.eval_on_selector_all(
        "input[name=images]", "inputs => inputs.map(input => input.value)"
    ) == [str(image.pk)]
    assert page.evaluate("window.formChanges") >= 1
    screenshot(page, "media-widget", full_page=True)

    page.get_by_role("button", name="Usuń: Zielona sala obrad").click()

    page.locator(".media-images .media-item").wait_for(state="detached")
    assert page.locator("input[name=images]").count() == 0
    assert page.locator("[data-media-status]").text_content() == "Usunięto: Zielona sala obrad."
    assert CaseImage.objects.count() == 0


def test_a_refused_file_is_announced_in_the_live_region(signed_in_page, site, member, watch):
    page = signed_in_page
    # The browser logs the 400 answer as a failed resource; that refusal is what is tested.
    watch.allow(r"status of 400")
    submission = Submission.objects.create(author=member)
    page.goto(f"{site.url}/test-media-widget/{submission.pk}/")
    page.wait_for_selector("[data-media-widget][data-media-ready=true]")

    page.set_input_files("#media-image-file", files=[
        {"name": "zdjecie.jpg", "mimeType": "image/jpeg",
         "buffer": b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"},
    ])
    page.get_by_role("button", name="Wyślij zdjęcie").click()

    status = page.locator("[data-media-status].is-error")
    status.wait_for()
    assert status.text_content() == "Ten plik nie jest obrazem JPEG, PNG ani WebP."
    assert page.locator(".media-images .media-item").count() == 0
