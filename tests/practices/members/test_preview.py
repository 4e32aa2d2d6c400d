"""The preview shows the case as its page will, with Markdown rendered through the
allow-list, and lists what is still missing, step by step."""
import pytest

from tests.practices.members.conftest import step_url

pytestmark = pytest.mark.usefixtures("english")


def test_the_preview_renders_the_case_with_its_facts_and_sanitised_markdown(
        alice_client, draft):
    draft.data.update({
        "municipality": "2010063", "description": "**Ważne** <script>alert(1)</script>",
        "facts": {"amount_pln": "1500000", "projects_submitted": "40"},
        "links": [{"kind": "source", "url": "https://bip.suprasl.pl/1", "label": "Uchwała"}],
    })
    draft.save()
    html = alice_client.get(step_url(draft, "preview")).content.decode()
    assert "<strong>Ważne</strong>" in html and "<script>alert(1)" not in html
    assert "Supraśl" in html and "1,500,000.00" in html
    assert '<a href="https://bip.suprasl.pl/1" rel="nofollow noopener">Uchwała</a>' in html
    assert "Still to complete" not in html


def test_the_preview_lists_what_is_missing_with_links_to_the_steps(alice_client, draft):
    draft.data.update({"year": "", "facts": {"projects_selected": "9",
                                            "projects_voted": "3"}})
    draft.save()
    html = alice_client.get(step_url(draft, "preview")).content.decode()
    assert "Still to complete" in html
    assert f'href="{step_url(draft, "basics")}"' in html
    assert f'href="{step_url(draft, "facts")}"' in html
    assert "projects_selected (9) cannot be greater than projects_voted (3)." in html
