"""A stored URL becomes a link only when it is a web or mail address: a `javascript:` or
`data:` URL that reached the database another way than the validated forms (an import, SQL)
is shown as text, on the case page's sources and links and in its facts."""
import pytest

from practices.domain.markdown import link_href
from practices.models import PracticeLink
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("url", "href"), [
    ("https://bip.example.org/a", "https://bip.example.org/a"),
    ("http://example.org", "http://example.org"),
    ("mailto:urzad@example.org", "mailto:urzad@example.org"),
    ("javascript:alert(1)", ""),
    (" JavaScript:alert(1)", ""),
    ("java\tscript:alert(1)", ""),
    ("\x01javascript:alert(1)", ""),
    ("data:text/html,<script>alert(1)</script>", ""),
    ("vbscript:msgbox(1)", ""),
    ("//evil.example.org/", ""),
    ("", ""),
])
def test_only_web_and_mail_urls_become_link_targets(url, href):
    assert link_href(url) == href


def test_the_case_page_shows_a_javascript_url_as_text_not_a_link(client):
    case = make_practice(
        make_municipality(), "konsultacje", slug="bo", title="BO",
        facts={"report_url": "javascript:alert(2)"},
    )
    PracticeLink.objects.create(practice=case, url="javascript:alert(1)", label="Uchwała")
    PracticeLink.objects.create(practice=case, url="https://bip.example.org/", label="BIP",
                                kind=PracticeLink.Kind.LINK)
    body = client.get("/praktyki/bo/").content.decode()
    assert "javascript:" not in body.replace("javascript:alert(2)</dd>", "")
    assert "<li>Uchwała</li>" in body
    assert '<a href="https://bip.example.org/" rel="nofollow noopener">BIP</a>' in body
