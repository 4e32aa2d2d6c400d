"""Each step validates what it asks for; a failed step shows the typed values again with the
errors next to the fields and in a summary at the top, and keeps what was typed."""
import pytest
from django.core.exceptions import ValidationError

from practices.domain.facts import validate_facts
from practices.forms.facts import FactsForm
from practices.models import Submission
from tests.practices.members.conftest import step_url

pytestmark = pytest.mark.usefixtures("english")


def post(client, submission, step, values, action="next"):
    return client.post(step_url(submission, step), {**values, "action": action})


def test_the_basics_need_a_title_and_a_year_and_show_what_was_typed(alice_client, draft):
    response = post(alice_client, draft, "basics", {
        "title": "", "year": "dwa tysiące", "summary": "Krótko", "licence": "CC-BY-4.0"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_title"' in html and 'href="#id_year"' in html
    assert 'id="id_title_error"' in html
    assert 'value="dwa tysiące"' in html
    draft.refresh_from_db()
    assert draft.data["year"] == "dwa tysiące" and draft.data["summary"] == "Krótko"


def test_an_end_year_before_the_year_is_refused(alice_client, draft):
    response = post(alice_client, draft, "basics", {
        "title": "BO", "year": "2024", "end_year": "2020", "licence": "CC-BY-4.0"})
    assert response.status_code == 400
    assert "The end year cannot be before the year." in response.content.decode()


def test_a_summary_with_html_is_refused(alice_client, draft):
    response = post(alice_client, draft, "basics", {
        "title": "BO", "year": "2024", "summary": "<b>x</b>", "licence": "CC-BY-4.0"})
    assert response.status_code == 400
    assert "remove the HTML tags" in response.content.decode()


def test_valid_basics_go_on_to_the_facts(alice_client, draft):
    response = post(alice_client, draft, "basics", {
        "title": "BO 2024", "year": "2024", "licence": "CC-BY-4.0"})
    assert response.status_code == 302
    assert response.url == step_url(draft, "facts")


def test_back_and_save_keep_invalid_values_without_errors(alice_client, draft):
    response = post(alice_client, draft, "basics", {"title": "", "year": "x"}, action="back")
    assert response.status_code == 302 and response.url == step_url(draft, "tool")
    response = post(alice_client, draft, "basics", {"title": "", "year": "y"}, action="save")
    assert response.status_code == 302 and response.url == step_url(draft, "basics")
    draft.refresh_from_db()
    assert draft.data["year"] == "y"


BAD_FACTS = [
    {"amount_pln": "1,234", "projects_submitted": "-3"},
    {"projects_selected": "9", "projects_voted": "5"},
    {"votes_cast": "²"},
]


@pytest.mark.parametrize("facts", BAD_FACTS)
def test_fact_errors_are_those_of_validate_facts(db, facts):
    form = FactsForm({f"facts-{key}": value for key, value in facts.items()},
                     tool="budzet-obywatelski")
    assert not form.is_valid()
    with pytest.raises(ValidationError) as expected:
        validate_facts("budzet-obywatelski", facts)
    assert {key: [str(m) for m in messages] for key, messages in form.errors.items()} == {
        key: list(messages) for key, messages in expected.value.message_dict.items()}


def test_the_facts_step_shows_the_errors_next_to_each_fact(alice_client, draft):
    response = post(alice_client, draft, "facts", {"facts-amount_pln": "dużo"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_facts-amount_pln_error"' in html and 'value="dużo"' in html
    draft.refresh_from_db()
    assert draft.data["facts"] == {"amount_pln": "dużo"}


def test_the_facts_step_has_a_labelled_field_of_the_right_kind_per_fact(alice_client, draft):
    draft.data["tool"] = "konsultacje"
    draft.save()
    html = alice_client.get(step_url(draft, "facts")).content.decode()
    assert 'type="date" name="facts-period_start"' in html
    assert 'type="checkbox" name="facts-methods" value="survey"' in html
    assert 'type="url" name="facts-report_url"' in html
    assert '<label for="id_facts-comments_received">comments received</label>' in html
    assert 'id="id_facts-comments_received_helptext">A whole number, e.g. 1250.' in html


def test_valid_facts_are_stored_as_typed_and_go_on(alice_client, draft):
    response = post(alice_client, draft, "facts", {
        "facts-amount_pln": "1 500 000,50", "facts-projects_submitted": "40"})
    assert response.status_code == 302 and response.url == step_url(draft, "place")
    draft.refresh_from_db()
    assert draft.data["facts"] == {"amount_pln": "1 500 000,50", "projects_submitted": "40"}


def test_changing_the_tool_keeps_the_facts_typed_for_the_former_one(alice_client, draft):
    post(alice_client, draft, "facts", {"facts-amount_pln": "1000"}, action="save")
    post(alice_client, draft, "tool", {"tool": "referendum"})
    draft.refresh_from_db()
    assert draft.data["facts"] == {}
    post(alice_client, draft, "tool", {"tool": "budzet-obywatelski"})
    draft.refresh_from_db()
    assert draft.data["facts"] == {"amount_pln": "1000"}


def test_a_link_needs_a_full_address(alice_client, draft):
    response = post(alice_client, draft, "sources", {
        "links-TOTAL_FORMS": "2", "links-INITIAL_FORMS": "0",
        "links-0-kind": "source", "links-0-url": "nie adres", "links-0-label": "Uchwała",
        "links-1-kind": "link", "links-1-url": "", "links-1-label": "",
    })
    assert response.status_code == 400
    assert 'id="id_links-0-url_error"' in response.content.decode()
    draft.refresh_from_db()
    assert draft.data["links"] == [{"kind": "source", "url": "nie adres", "label": "Uchwała"}]


def test_the_links_are_stored_and_the_step_goes_on_to_the_preview(alice_client, draft):
    response = post(alice_client, draft, "sources", {
        "links-TOTAL_FORMS": "1", "links-INITIAL_FORMS": "0",
        "links-0-kind": "source", "links-0-url": "https://bip.suprasl.pl/12",
        "links-0-label": "Uchwała",
    })
    assert response.status_code == 302 and response.url == step_url(draft, "preview")
    assert Submission.objects.get(pk=draft.pk).data["links"] == [
        {"kind": "source", "url": "https://bip.suprasl.pl/12", "label": "Uchwała"}]
