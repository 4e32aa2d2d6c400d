"""Descriptions are Markdown rendered through an allow-list: no scripts, no javascript:
links, no remote images; links carry rel="nofollow noopener"."""
import pytest

from practices.domain.markdown import render_markdown
from tests.factories import make_practice


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("**Ważne** i _pilne_", "<p><strong>Ważne</strong> i <em>pilne</em></p>"),
        ("[BIP](https://bip.example.org/uchwala)",
         '<p><a href="https://bip.example.org/uchwala" rel="nofollow noopener">BIP</a></p>'),
        ("[x](javascript:alert(1))", '<p><a rel="nofollow noopener">x</a></p>'),
        ("<script>alert(1)</script>Tekst", "<p>Tekst</p>"),
        ('<a href="https://x.example" onclick="steal()" rel="follow">x</a>',
         '<p><a href="https://x.example" rel="nofollow noopener">x</a></p>'),
        ("![zdjęcie](https://tracker.example/pixel.gif)", "<p></p>"),
        ("# Tytuł\n\n## Część", "<h2>Tytuł</h2>\n<h3>Część</h3>"),
        ('<iframe src="https://evil.example"></iframe>', ""),
        ("- jeden\n- dwa", "<ul>\n<li>jeden</li>\n<li>dwa</li>\n</ul>"),
        ("", ""),
    ],
)
def test_markdown_is_rendered_and_sanitised(markdown, html):
    assert render_markdown(markdown).strip() == html


def test_a_table_survives(db):
    html = render_markdown("| rok | kwota |\n|---|---|\n| 2021 | 5 |")
    assert "<table>" in html and "<td>2021</td>" in html


def test_the_case_offers_its_description_as_html(bialystok):
    practice = make_practice(bialystok, description="Zobacz <script>x()</script>**raport**")
    assert practice.description_html == "<p>Zobacz <strong>raport</strong></p>"
