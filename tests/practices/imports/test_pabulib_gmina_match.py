"""The unit is the town, not a rural gmina of the same name; --teryt overrides the match."""
from practices.imports.budgets import import_pabulib
from practices.models import Practice
from tests.practices.imports.pbfiles import write_pb


def test_the_unit_means_the_town_not_the_rural_gmina_of_the_same_name(gminy, tmp_path):
    import_pabulib([write_pb(tmp_path / "a.pb", unit="Pruszcz Gdański")])
    assert Practice.objects.get().municipality_id == "2204011"


def test_the_match_ignores_diacritics_and_case(gminy, tmp_path):
    import_pabulib([write_pb(tmp_path / "a.pb", unit="GDANSK")])
    assert Practice.objects.get().municipality_id == "2261011"


def test_teryt_overrides_the_match(gminy, tmp_path):
    import_pabulib([write_pb(tmp_path / "a.pb", unit="Pruszcz Gdański")], teryt="2204042")
    assert Practice.objects.get().municipality_id == "2204042"
