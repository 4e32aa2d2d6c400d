"""The gmina fact sheet prints on one A4 page."""
import re

import pytest

pytestmark = pytest.mark.browser


def test_the_fact_sheet_prints_on_one_a4_page(page, site, cases):
    page.goto(f"{site.url}/gminy/2061011/druk/")
    assert page.locator("svg circle").count() >= 1
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1
    assert page.locator(".screen-only").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".screen-only").is_visible()
