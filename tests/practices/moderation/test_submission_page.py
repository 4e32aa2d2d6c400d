"""A submission in the queue: its data readable with labels, and for an edit of a published
case the field-level diff against the published version (facts per key)."""
import pytest

from practices.review import display


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_a_new_case_is_shown_with_labelled_fields_and_facts(moderator_client, submitted):
    response = moderator_client.get(f"/moderacja/{submitted.pk}/")

    rows = {row.key: (row.label, row.value) for row in response.context["rows"] if row.value}
    assert rows["title"] == ("tytuł", "Budżet obywatelski 2024")
    assert rows["municipality"] == ("gmina", "Białystok (2061011)")
    assert rows["facts.voters"] == ("Dane: głosujący", "1\xa0200\xa0os.")
    assert rows["links.0"] == ("Link 1", "źródło: Uchwała – https://bip.example.org/uchwala")
    page = response.content.decode()
    assert "Nowa praktyka" in page and "Opublikuj" in page and "Poproś o poprawki" in page
    assert response.context["changes"] == []


def test_an_edit_shows_old_and_new_values_of_each_changed_field(moderator_client, held_edit):
    response = moderator_client.get(f"/moderacja/{held_edit.pk}/")

    changes = [(c.key, c.old, c.new) for c in response.context["changes"]]
    assert changes == [
        ("title", "Budżet obywatelski 2024", "Poprawiony budżet obywatelski 2024"),
        ("location", "53.15000, 23.15000", "53.12000, 23.12000"),
        ("facts.projects_submitted", "40", ""),
        ("facts.voters", "1\xa0200\xa0os.", "1\xa0500\xa0os."),
    ]
    page = response.content.decode()
    assert "Zmiany względem opublikowanej wersji" in page
    assert "<del>Budżet obywatelski 2024</del>" in page


def test_data_that_no_longer_validates_is_shown_as_typed_with_its_problems(moderator_client,
                                                                          submitted):
    submitted.data = {**submitted.data, "year": "dawno"}
    submitted.save()

    response = moderator_client.get(f"/moderacja/{submitted.pk}/")

    assert list(response.context["data_errors"]) == ["year"]
    assert "Dane nie przechodzą kontroli" in response.content.decode()


def test_the_diff_lists_added_and_removed_keys():
    old = [display.Row("facts.a", "A", "1"), display.Row("title", "T", "x")]
    new = [display.Row("title", "T", "x"), display.Row("facts.b", "B", "2")]

    assert [(c.key, c.old, c.new) for c in display.diff(old, new)] == [
        ("facts.a", "1", ""), ("facts.b", "", "2")]
