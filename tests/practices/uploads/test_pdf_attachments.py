"""PDF documents: any readable, unencrypted PDF is kept as it came; one carrying JavaScript is
accepted too, and like every document only ever served as an inert download."""
import pytest
from django.test import Client

from practices.models import CaseAttachment, Status
from practices.pages.framing import directives
from practices.uploads import store_attachment
from tests.factories import make_practice
from tests.practices.uploads import samples

pytestmark = pytest.mark.django_db

JAVASCRIPT = "app.alert('pdf script ran');"


def test_a_pdf_is_stored_as_it_came_with_its_size_and_a_title_from_its_name(media_root, draft):
    data = samples.pdf(pages=3)

    attachment = store_attachment(draft, samples.upload("Uchwała nr 12.pdf", data))

    with attachment.file.open("rb") as handle:
        assert handle.read() == data
    assert attachment.size == len(data)
    assert attachment.title == "Uchwała nr 12"
    assert attachment.file.name.startswith(f"cases/{draft.pk}/")
    assert attachment.file.name.endswith(".pdf") and "Uchwa" not in attachment.file.name


def test_a_pdf_with_javascript_is_accepted_and_served_only_as_a_sandboxed_download(
        media_root, draft, member, bialystok):
    data = samples.pdf(javascript=JAVASCRIPT)
    assert b"/JavaScript" in data

    attachment = store_attachment(draft, samples.upload("skrypt.pdf", data),
                                  title='Zły "plik" / ąęłż')
    attachment.practice = make_practice(bialystok, status=Status.PUBLISHED, author=member)
    attachment.save()

    response = Client().get(attachment.file.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"Zly-plik-aelz.pdf\"; "
        "filename*=UTF-8''Z%C5%82y%20plik%20%C4%85%C4%99%C5%82%C5%BC.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = directives(response["Content-Security-Policy"])
    assert policy["sandbox"] == [] and policy["default-src"] == ["'none'"]
    assert CaseAttachment.objects.get().size == len(data)


def test_the_images_of_a_case_come_with_their_type_nosniff_and_the_sandbox(media_root, draft,
                                                                          member, bialystok):
    from practices.uploads import store_image

    image = store_image(draft, samples.upload("a.webp", samples.webp_with_gps()))
    image.practice = make_practice(bialystok, status=Status.PUBLISHED, author=member)
    image.save()

    for url in (image.image.url, image.thumbnail.url):
        response = Client().get(url)
        assert response["Content-Type"] == "image/webp"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response.get("Content-Disposition", "inline").startswith("inline")
        policy = directives(response["Content-Security-Policy"])
        assert "sandbox" in policy and policy["default-src"] == ["'none'"]


def test_public_files_may_be_cached_by_anyone_and_private_ones_by_no_one(media_root, draft,
                                                                        member, bialystok):
    from practices.uploads import store_image

    private = store_image(draft, samples.upload("a.jpg", samples.jpeg_with_gps()))
    public = store_image(draft, samples.upload("b.jpg", samples.jpeg_with_gps()))
    public.practice = make_practice(bialystok, status=Status.PUBLISHED, author=member)
    public.save()
    author = Client()
    author.force_login(member)

    public_answer = Client().get(public.image.url)
    private_answer = author.get(private.image.url)

    assert public_answer["Cache-Control"] == "public, max-age=2592000"
    assert "Cookie" not in public_answer.get("Vary", "")
    assert "Set-Cookie" not in public_answer
    assert private_answer.status_code == 200
    assert set(private_answer["Cache-Control"].split(", ")) == {"private", "no-store"}
