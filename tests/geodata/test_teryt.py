"""TERYT codes are validated and split without a database."""
import re

import pytest
from django.utils import translation

from geodata import teryt


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English, their msgid language."""
    with translation.override("en"):
        yield


def test_messages_follow_the_active_language():
    with translation.override("pl"), pytest.raises(teryt.TerytError) as error:
        teryt.parse_gmina("2061014")
    assert str(error.value) == (
        "'2061014' jest częścią miejską gminy miejsko-wiejskiej, a nie gminą (cyfra rodzaju 4)"
    )


def test_it_splits_a_gmina_code_into_its_parts():
    code = teryt.parse_gmina("2061011")
    assert (code.code, code.voivodeship, code.county, code.type_digit) == (
        "2061011", "20", "2061", "1")


def test_it_keeps_leading_zeros():
    assert teryt.parse_gmina(" 0201011 ").county == "0201"


@pytest.mark.parametrize("digit", ["1", "2", "3"])
def test_it_accepts_the_three_gmina_types(digit):
    assert teryt.parse_gmina(f"200101{digit}").type_digit == digit


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("2061014", "the town part of an urban-rural gmina"),
        ("2061015", "the rural part of an urban-rural gmina"),
        ("1465118", "a district (dzielnica) of a city"),
        ("1261029", "a delegation (delegatura) of a city"),
        ("2061016", "type digit 6"),
        ("206101", "expected 7 digits"),
        ("20610111", "expected 7 digits"),
        ("20610a1", "expected 7 digits"),
        ("2000011", "county 00 does not exist"),
        ("2061001", "gmina number 00 does not exist"),
        ("2161011", "use an even number 02..32"),
        ("3461011", "use an even number 02..32"),
        ("", "expected 7 digits"),
    ],
)
def test_it_refuses_what_is_not_a_gmina_code(code, message):
    with pytest.raises(teryt.TerytError, match=re.escape(message)):
        teryt.parse_gmina(code)


@pytest.mark.parametrize("value", [2061011, 201011.0])
def test_it_refuses_codes_read_as_numbers(value):
    with pytest.raises(teryt.TerytError, match="is a number"):
        teryt.parse_gmina(value)


def test_it_refuses_a_missing_code():
    with pytest.raises(teryt.TerytError, match="empty"):
        teryt.parse_gmina(None)


@pytest.mark.parametrize(
    ("code", "level", "expected"),
    [("20", "wojewodztwo", "20"), ("2061", "powiat", "2061"), ("2061011", "gmina", "2061011")],
)
def test_it_parses_each_level(code, level, expected):
    assert teryt.parse(code, level) == expected


@pytest.mark.parametrize(("code", "level"), [("2061", "gmina"), ("20", "powiat"),
                                               ("2061", "wojewodztwo"), ("00", "wojewodztwo")])
def test_it_refuses_a_code_of_another_level(code, level):
    with pytest.raises(teryt.TerytError):
        teryt.parse(code, level)


def test_it_refuses_an_unknown_level():
    with pytest.raises(ValueError, match="unknown level 'gmina2'"):
        teryt.parse("2061011", "gmina2")


@pytest.mark.parametrize(
    ("codes", "level"),
    [
        (["20", "28"], "wojewodztwo"),
        (["2001", "2861"], "powiat"),
        (["2061011", "2001022"], "gmina"),
        (["2061011", 2001022], "gmina"),  # the number is refused later, with its feature
        (["2061011", "2061"], None),
        (["2061011", "20610111", "123"], "gmina"),  # the odd ones are refused later
        (["123"], None),
        ([2061011], None),
        ([], None),
    ],
)
def test_it_tells_the_level_from_the_length_of_the_codes(codes, level):
    assert teryt.level_from_lengths(codes) == level


@pytest.mark.parametrize(
    ("code", "kind"),
    [("2001", "powiat"), ("2061", "miasto na prawach powiatu"),
     ("2862", "miasto na prawach powiatu"),
     ("1465", "miasto stołeczne, na prawach powiatu"), ("1421", "powiat")],
)
def test_it_tells_a_county_from_a_city_with_county_rights(code, kind):
    assert teryt.county_kind(code) == kind


def test_it_names_all_sixteen_voivodeships_with_diacritics():
    assert len(teryt.VOIVODESHIP_NAMES) == 16
    assert all(teryt.parse_voivodeship(code) == code for code in teryt.VOIVODESHIP_NAMES)
    assert teryt.VOIVODESHIP_NAMES["28"] == "warmińsko-mazurskie"
