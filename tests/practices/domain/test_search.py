"""Full-text search is Polish-aware (stems) and diacritics-insensitive, over title, summary,
description and the gmina's name."""
import pytest
from django.core.exceptions import ValidationError

from practices.domain.search import MAX_QUERY_LENGTH
from practices.models import Practice
from tests.factories import make_municipality, make_practice


@pytest.fixture
def cases(bialystok, elk, suprasl):
    make_practice(bialystok, "budzet-obywatelski", title="Budżet obywatelski Białegostoku 2021",
                  summary="Mieszkańcy wybrali projekty zieleni.")
    make_practice(elk, "konsultacje", title="Konsultacje społeczne planu miejscowego",
                  description="Spotkania dotyczyły **rewitalizacji** jeziora.")
    make_practice(suprasl, "fundusz-solecki", title="Fundusz sołecki 2020",
                  summary="Sołectwa wyremontowały świetlice wiejskie.")


def found(query):
    return set(Practice.objects.search(query).values_list("municipality__name", flat=True))


@pytest.mark.parametrize(
    ("query", "gminy"),
    [
        ("Elk", {"Ełk"}),  # gmina name without diacritics
        ("Ełk", {"Ełk"}),
        ("Elku", {"Ełk"}),  # inflected gmina name: trigram similarity
        ("budzetu", {"Białystok"}),  # inflected and without diacritics
        ("budżetu", {"Białystok"}),  # inflected: the Polish stem
        ("Bialystok", {"Białystok"}),
        ("bialystoku", {"Białystok"}),
        ("konsultacji", {"Ełk"}),  # title word, another case
        ("obywatelskiego budżetu", {"Białystok"}),
        ("rewitalizacja", {"Ełk"}),  # description, stemmed
        ("swietlicy", {"Supraśl"}),  # summary, inflected, without diacritics
        ("planu Ełk", {"Ełk"}),  # words from the title and the gmina name
        ("planu Białystok", set()),  # every word must match
        ("wybory", set()),
        ("w na", set()),  # only function words
        ("", {"Białystok", "Ełk", "Supraśl"}),  # no search, no filter
    ],
)
def test_it_finds_cases_with_and_without_diacritics(cases, query, gminy):
    assert found(query) == gminy


def test_search_combines_with_other_filters(cases):
    assert Practice.objects.filter(year=2021).search("Elk").count() == 0
    assert Practice.objects.search("Elk").filter(year=2024).count() == 1


def test_cases_matching_in_the_title_rank_above_matches_in_the_description(bialystok):
    make_practice(bialystok, title="Spacer", description="Tematem była zieleń osiedla.")
    make_practice(bialystok, title="Zieleń osiedla", description="Spacer po okolicy.")
    ranked = Practice.objects.search("zieleni").by_relevance("zieleni")
    assert list(ranked.values_list("title", flat=True)) == ["Zieleń osiedla", "Spacer"]


def test_an_inflected_gmina_name_finds_its_cases_but_a_different_one_does_not(db):
    olsztyn = make_municipality("2862011", "Olsztyn", lon=20.4, lat=53.7)
    make_practice(olsztyn, title="Panel klimatyczny")
    assert Practice.objects.search("Olsztynie").count() == 1
    assert Practice.objects.search("Elbląg").count() == 0


def test_an_over_long_query_is_refused_with_the_limit(db):
    with pytest.raises(ValidationError, match=str(MAX_QUERY_LENGTH)):
        Practice.objects.search("a" * (MAX_QUERY_LENGTH + 1))


def test_a_query_with_too_many_words_is_refused(db):
    with pytest.raises(ValidationError, match="too many words"):
        Practice.objects.search(" ".join(["budżet"] * 11))


@pytest.mark.parametrize("query", ["a:*", "!budzet", "budzet & | (", "' OR 1=1 --", "ą\\"])
def test_query_syntax_characters_are_treated_as_text(cases, query):
    Practice.objects.search(query).count()  # no database error


@pytest.mark.parametrize("query", ["w na", "xyzzy", "Elk"])
def test_a_search_compiles_to_sql_even_when_nothing_can_match(cases, query):
    sql, params = Practice.objects.search(query).query.sql_with_params()
    assert sql.startswith("SELECT")
