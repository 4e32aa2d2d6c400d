"""Error pages: a missing page keeps the site frame and offers a way on; the server-error page
renders without a request or the database."""
import pytest
from django.template.loader import render_to_string
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path, language, home", [
    ("/praktyki/missing/", "pl", 'href="/"'),
    ("/en/practices/missing/", "en", 'href="/en/"'),
    ("/en/no-such-page/", "en", 'href="/en/"'),
])
def test_a_missing_page_answers_404_inside_the_site_frame(client, path, language, home):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="site-nav"' in html and home in html
    assert html.count("<h1>") == 1


def test_the_server_error_page_needs_no_request(django_assert_num_queries):
    with django_assert_num_queries(0), translation.override("en"):
        html = render_to_string("500.html")
    assert "<h1>Something went wrong</h1>" in html
