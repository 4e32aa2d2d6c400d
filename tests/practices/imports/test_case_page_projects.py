"""The case page of an imported budget lists its projects in a table sortable by column."""
import re

from django.conf import settings

from practices.imports.budgets import import_pabulib
from practices.models import Practice
from tests.practices.imports.pbfiles import write_pb

GDANSK = settings.BASE_DIR.parent / "shared" / "samples" / "pabulib" / \
    "Poland_Gdansk_2020_Rudniki.pb"


def project_names(html):
    table = html.split('id="h-projects"', 1)[1].split("</table>", 1)[0]
    return [re.sub(r"\s+", " ", cell).strip()
            for cell in re.findall(r"<tr>\s*<td>(.*?)</td>", table, re.S)]


def test_the_projects_are_listed_by_votes_and_sort_by_any_column(client, gminy, tmp_path):
    import_pabulib([write_pb(tmp_path / "a.pb", projects=(
        ("1", "100000", "40", "Park", "1"), ("2", "50000", "70", "Ławki", "1"),
        ("3", "250000", "30", "Droga", "0")))])
    url = Practice.objects.get().get_absolute_url()
    html = client.get(url).content.decode()
    assert project_names(html) == ["Ławki", "Park", "Droga"]
    assert 'aria-sort="descending"><a href="?sort=votes#h-projects"' in html
    assert project_names(client.get(url, {"sort": "cost"}).content.decode()) == [
        "Ławki", "Park", "Droga"]
    assert project_names(client.get(url, {"sort": "-cost"}).content.decode()) == [
        "Droga", "Park", "Ławki"]
    assert project_names(client.get(url, {"sort": "name"}).content.decode()) == [
        "Droga", "Ławki", "Park"]
    assert project_names(client.get(url, {"sort": "<script>"}).content.decode()) == [
        "Ławki", "Park", "Droga"]


def test_the_page_names_pabulib_as_the_source(client, gminy):
    import_pabulib([GDANSK])
    html = client.get(Practice.objects.get().get_absolute_url()).content.decode()
    assert "Pabulib: Poland_Gdansk_2020_Rudniki.pb (licencja nie podana w pliku)" in html
    assert "Pomóżmy kotom na Rudnikach." in html


def test_a_case_without_projects_has_no_table(client, gminy):
    from tests.factories import make_practice

    practice = make_practice(gminy["2061011"])
    assert 'id="h-projects"' not in client.get(practice.get_absolute_url()).content.decode()


def test_the_admin_shows_the_projects_of_an_imported_budget_read_only(client, gminy, tmp_path,
                                                                       moderator):
    moderator.is_staff = moderator.is_superuser = True
    moderator.save()
    client.force_login(moderator)
    import_pabulib([GDANSK])
    html = client.get(f"/admin/practices/practice/{Practice.objects.get().pk}/change/"
                      ).content.decode()
    assert "Pomóżmy kotom na Rudnikach." in html
    assert "2261011-2020" in html
