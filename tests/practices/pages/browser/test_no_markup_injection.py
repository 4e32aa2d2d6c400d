"""Case titles and gmina names are text wherever the map shows them: markup stored in them
never runs (no `dialog` event) and shows literally, in markers' popups, choropleth tooltips
and popups, the list, the place search and the embed."""
import pytest

from tests.practices.pages.browser.conftest import point_inside, wait_ready

pytestmark = pytest.mark.browser

IMG = "<img src=x onerror=alert(1)>"
SVG = '"><svg onload=alert(1)>'


@pytest.fixture
def hostile(site):
    """Two cases and their two gminy, with markup in every name."""
    from geodata.models import Municipality
    from practices.models import ParticipationTool, Practice, Status

    tool = ParticipationTool.objects.get(slug="konsultacje")
    for teryt, text in (("2005062", IMG), ("2818033", SVG)):
        Municipality.objects.filter(teryt=teryt).update(name=f"Gmina {text}")
        gmina = Municipality.objects.get(teryt=teryt)
        Practice.objects.create(
            title=f"Tytuł {text}", slug=f"konsultacje-{teryt}", tool=tool, municipality=gmina,
            year=2021, status=Status.PUBLISHED, location=gmina.point,
        )


@pytest.fixture
def dialogs(page):
    opened = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


def test_markup_in_titles_and_gmina_names_never_runs(page, site, hostile, dialogs):
    page.goto(site.url + "/en/")
    wait_ready(page)
    for teryt, text in (("2005062", IMG), ("2818033", SVG)):
        # The gmina's tooltip and popup in the markers view.
        x, y = point_inside(page, teryt)
        page.mouse.move(x, y)
        page.locator(".leaflet-tooltip").first.wait_for()
        assert f"Gmina {text}" in page.locator(".leaflet-tooltip").all_inner_texts()
        page.mouse.click(x, y)
        page.locator(".gmina-popup").first.wait_for()
        assert any(f"Gmina {text}" in popup
                   for popup in page.locator(".gmina-popup").all_inner_texts())
        page.locator(".leaflet-popup-close-button").last.click()
    # Each marker's popup, with its title fetched on demand.
    for index in range(page.locator(".case-marker").count()):
        page.locator(".case-marker").nth(index).click()
        page.locator(".case-popup a").first.wait_for()
        assert set(page.locator(".case-popup a").all_inner_texts()) <= {
            f"Tytuł {IMG}", f"Tytuł {SVG}"}
    # The list and the place search.
    assert sorted(page.locator("[data-case-list] tbody a").all_inner_texts()) == sorted(
        [f"Tytuł {IMG}", f"Tytuł {SVG}"])
    page.fill("#place-input", "Gmina")
    assert page.locator("#place-options [role=option]").count() == 2

    # The choropleth: tooltips, keyboard-opened popups.
    page.goto(site.url + "/en/?view=choropleth")
    wait_ready(page)
    for teryt, text in (("2005062", IMG), ("2818033", SVG)):
        x, y = point_inside(page, teryt)
        page.mouse.move(x, y)
        page.locator(".leaflet-tooltip").first.wait_for()
        assert f"Gmina {text}: 1 case" in page.locator(".leaflet-tooltip").all_inner_texts()
        page.locator(f'path[data-teryt="{teryt}"]').focus()
        page.keyboard.press("Enter")
        page.locator(".gmina-popup").first.wait_for()
        assert any(f"Gmina {text}" in popup
                   for popup in page.locator(".gmina-popup").all_inner_texts())

    # The embed with its list.
    page.goto(site.url + "/embed/?lang=en&list=1")
    wait_ready(page)
    page.locator(".case-marker").first.click()
    page.locator(".case-popup a").first.wait_for()
    assert page.locator("[data-case-list] tbody a").count() == 2
    assert page.locator("img[src=x], svg[onload]").count() == 0
    assert dialogs == []
