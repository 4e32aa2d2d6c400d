""""Embed this map": the snippet follows the current filters and view and the chosen size
and options; the preview shows it; the copy button puts it on the clipboard."""
import pytest

from tests.practices.pages.browser.conftest import shown_count, wait_ready

pytestmark = pytest.mark.browser

TITLE = "Participation Map: local participation cases on a map"


def snippet(src, size):
    return (f'<iframe src="{src}" title="{TITLE}" style="border:0;width:100%;{size}" '
            'loading="lazy" allowfullscreen></iframe>')


def test_the_dialog_gives_the_snippet_of_the_current_map(page, site, cases):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url)
    page.goto(site.url + "/en/?tool=referendum&view=choropleth")
    wait_ready(page)
    opener = page.locator("[data-embed-open]")
    opener.click()
    dialog = page.locator("#embed-dialog")
    assert dialog.is_visible()
    code = page.locator("[data-embed-code]")
    base = f"{site.url}/embed/?tool=referendum&amp;view=choropleth&amp;lang=en"
    assert code.input_value() == snippet(base, "height:600px")

    page.fill("[name=embed_height]", "480")
    page.check("[name=embed_list]")
    page.uncheck("[name=embed_controls]")
    expected = snippet(f"{site.url}/embed/?tool=referendum&amp;view=choropleth&amp;list=1"
                       "&amp;controls=0&amp;lang=en", "height:480px")
    page.wait_for_function("([v]) => document.querySelector('[data-embed-code]').value === v",
                           arg=[expected])

    # The preview follows: wait for its new document, then for its map.
    page.wait_for_function(
        "document.querySelector('[data-embed-preview]').contentWindow.location.search"
        ".includes('list=1')"
    )
    preview = page.frame_locator("[data-embed-preview]")
    preview.locator("#map-app[data-status=ready]").wait_for(state="attached")
    assert preview.locator(".case-list").is_visible()
    assert preview.locator("[data-filters-toggle]").is_hidden()
    assert preview.locator("#map-app").get_attribute("data-count") == str(shown_count(page))

    page.click("[data-embed-copy]")
    page.wait_for_function("document.querySelector('[data-embed-status]').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == expected

    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-embed-open')")
