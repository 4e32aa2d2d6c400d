"""manage.py load_samples refuses to run without the default region's gminy or with a
malformed voivodeship code, and writes nothing. (Apart from test_load_samples.py, whose
tests share one run of the command in a transaction holding the NE gminy.)"""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from practices.models import Practice
from tests.factories import make_municipality

pytestmark = pytest.mark.usefixtures("english")


def load(*args):
    out = StringIO()
    call_command("load_samples", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_without_gminy_it_stops_and_says_to_import_them_first(db):
    make_municipality("1465011", "Warszawa")  # outside the default region
    with pytest.raises(CommandError, match="run `manage.py import_boundaries` first"):
        load()
    assert not Practice.objects.exists()


@pytest.mark.parametrize("codes", [["2"], ["20", "abc"]])
def test_a_malformed_voivodeship_code_is_refused(db, codes):
    with pytest.raises(CommandError, match="2-digit TERYT codes"):
        load("--voivodeship", *codes)
