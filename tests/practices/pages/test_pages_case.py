"""The case page: every public field with its label, the tool's facts, sources, licence,
citation, the "report an error" link and the sample banner; only visible cases."""
import datetime
from urllib.parse import unquote

import pytest

from practices.models import PracticeLink, Status
from tests.factories import make_municipality, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    gmina = make_municipality("2061011", "Białystok")
    practice = make_practice(
        gmina, "budzet-obywatelski", 2024, title="Budżet obywatelski Białegostoku 2024",
        slug="bo-bialystok-2024",
        summary="Residents proposed 120 projects and chose 31.",
        description="The vote took **two weeks**.\n\n- online\n- at the office",
        organiser="Urząd Miejski w Białymstoku", organiser_type="urzad", participants=18234,
        outcome="31 projects carried out.", lessons="Start the campaign earlier.",
        contact="bo@example.org", start_date=datetime.date(2024, 3, 1),
        end_date=datetime.date(2024, 11, 30),
        facts={"amount_pln": 5500000, "projects_submitted": 120, "projects_voted": 90,
               "projects_selected": 31, "votes_cast": 41200, "voters": 30512},
    )
    PracticeLink.objects.create(practice=practice, url="https://bip.example.org/uchwala-xii",
                                label="Uchwała nr XII/123/2024")
    PracticeLink.objects.create(practice=practice, kind=PracticeLink.Kind.LINK,
                                url="https://bo.example.org/", label="Project gallery")
    return practice


def test_it_shows_every_public_field_with_its_label(client, case):
    html = client.get("/en/practices/bo-bialystok-2024/").content.decode()
    for label, value in [
        ("Tool", "Participatory budget"),
        ("Gmina", "Białystok"),
        ("County", "powiat 2061"),
        ("Voivodeship", "podlaskie"),
        ("Year", "2024"),
        ("Start date", "March 1, 2024"),
        ("End date", "Nov. 30, 2024"),
        ("Organiser", "Urząd Miejski w Białymstoku"),
        ("Organiser type", "municipal office"),
        ("Participants", "18,234"),
        ("Contact", "bo@example.org"),
    ]:
        assert f"<dt>{label}</dt>" in html
        assert value in html
    assert "Residents proposed 120 projects and chose 31." in html
    assert "<strong>two weeks</strong>" in html
    assert "31 projects carried out." in html
    assert "Start the campaign earlier." in html


def test_it_shows_the_tool_facts_with_labels_and_formatted_values(client, case):
    html = client.get("/en/practices/bo-bialystok-2024/").content.decode()
    assert "Facts: Participatory budget" in html
    for label, value in [("Total amount", "5,500,000.00\xa0PLN"), ("Projects selected", "31"),
                         ("Votes cast", "41,200"), ("Voters", "30,512")]:
        assert f"<dt>{label}</dt><dd>{value}" in html


def test_it_lists_sources_and_links(client, case):
    html = client.get("/en/practices/bo-bialystok-2024/").content.decode()
    assert (
        '<a href="https://bip.example.org/uchwala-xii" rel="nofollow noopener">'
        "Uchwała nr XII/123/2024</a>"
    ) in html
    assert '<a href="https://bo.example.org/" rel="nofollow noopener">Project gallery</a>' in html


def test_it_gives_the_licence_and_a_citation_with_the_absolute_address(client, case):
    html = client.get("/en/practices/bo-bialystok-2024/").content.decode()
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in html
    assert (
        "Budżet obywatelski Białegostoku 2024. Białystok, 2024. Participation Map, "
        "http://testserver/en/practices/bo-bialystok-2024/ (accessed "
    ) in html


def test_the_report_link_is_a_mailto_naming_the_case_address(client, case, settings):
    settings.MAPA_CONTACT_EMAIL = "errors@example.org"
    response = client.get("/en/practices/bo-bialystok-2024/")
    link = next(
        part.split('"', 1)[0] for part in response.content.decode().split('href="')
        if part.startswith("mailto:errors@example.org?")
    )
    assert "subject=Error in the case: http://testserver/en/practices/bo-bialystok-2024/" in (
        unquote(link)
    )


@pytest.mark.parametrize("is_sample", [True, False])
def test_a_sample_case_carries_a_banner_and_a_real_one_does_not(client, is_sample):
    gmina = make_municipality()
    make_practice(gmina, slug="a-case", is_sample=is_sample)
    html = client.get("/en/practices/a-case/").content.decode()
    assert ("This case is sample data for demonstration, not a real record." in html) is is_sample


def test_the_polish_page_lives_under_praktyki(client, case):
    response = client.get("/praktyki/bo-bialystok-2024/")
    assert response.status_code == 200
    assert '<html lang="pl">' in response.content.decode()


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.REJECTED,
                                    Status.ARCHIVED])
def test_a_case_that_is_not_published_is_not_found(client, status):
    make_practice(make_municipality(), slug="hidden", status=status)
    assert client.get("/praktyki/hidden/").status_code == 404
    assert client.get("/en/practices/hidden/").status_code == 404


def test_an_unknown_slug_is_not_found(client):
    assert client.get("/praktyki/no-such-case/").status_code == 404


def test_the_author_sees_their_draft_with_a_notice(client, member):
    make_practice(make_municipality(), slug="my-draft", status=Status.DRAFT, author=member)
    client.force_login(member)
    html = client.get("/en/practices/my-draft/").content.decode()
    assert "This case is not public (status: draft)." in html
