"""Helpers for the boundary importer's tests: small inputs cut from the real shared files,
the command run as an operator runs it, and a fingerprint of the register to prove that a
refused import changed nothing."""
import copy
import json
from functools import cache

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import translation

from tests.conftest import shared_geodata


@cache
def _shared(name):
    with (shared_geodata() / f"{name}.geojson").open(encoding="utf-8") as handle:
        return json.load(handle)


def features(name="gminy_20_28", prefixes=("",)):
    """Deep copies of the features of a shared file whose TERYT starts with a prefix."""
    return [
        copy.deepcopy(feature) for feature in _shared(name)["features"]
        if feature["properties"]["teryt"].startswith(tuple(prefixes))
    ]


def write_geojson(path, feature_list, crs=None):
    collection = {"type": "FeatureCollection", "features": feature_list}
    if crs:
        collection["crs"] = {"type": "name", "properties": {"name": crs}}
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return path


class Run:
    """The outcome of `manage.py import_boundaries`: exit code and both streams."""

    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err


def run_import(*args):
    """Run the command in English, as run_from_argv would: a CommandError's returncode is
    the process's exit code and its message goes to stderr."""
    import io

    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):
        try:
            call_command("import_boundaries", *map(str, args), stdout=out, stderr=err)
        except CommandError as error:
            return Run(error.returncode, out.getvalue(), f"{err.getvalue()}{error}")
    return Run(0, out.getvalue(), err.getvalue())


def register_fingerprint():
    """Every row of the register with its geometry, to compare before and after."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'v', teryt, name, '', md5(ST_AsBinary(boundary)), updated_at "
            "FROM geodata_voivodeship UNION ALL "
            "SELECT 'c', teryt, name, kind, md5(ST_AsBinary(boundary)), updated_at "
            "FROM geodata_county UNION ALL "
            "SELECT 'm', teryt, name, type, md5(ST_AsBinary(boundary)) || "
            "md5(coalesce(ST_AsBinary(display_boundary), '')) || md5(ST_AsBinary(point)) || "
            "area_km2::text, updated_at FROM geodata_municipality ORDER BY 1, 2"
        )
        return cursor.fetchall()


@pytest.fixture
def bialystok_area(db, tmp_path):
    """A register holding the 16 gminy of powiat białostocki (2002) and Białystok (2061)."""
    path = write_geojson(tmp_path / "bialystok.geojson", features(prefixes=("2002", "2061")))
    assert run_import(path).code == 0
    return path


def run_voters(*args):
    """`manage.py import_voters`, run as run_import runs the boundary import."""
    import io

    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):
        try:
            call_command("import_voters", *map(str, args), stdout=out, stderr=err)
        except CommandError as error:
            return Run(error.returncode, out.getvalue(), f"{err.getvalue()}{error}")
    return Run(0, out.getvalue(), err.getvalue())


def voters_fingerprint():
    """Every gmina's count, year, source and updated_at, to prove a refusal wrote nothing."""
    from geodata.models import Municipality

    return list(Municipality.objects.order_by("teryt").values_list(
        "teryt", "eligible_voters", "eligible_voters_year", "eligible_voters_source",
        "updated_at"))


def write_voters(path, *lines, encoding="utf-8"):
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


@pytest.fixture
def three_gminy(db):
    """Białystok, Supraśl and Raczki as square gminy, without voter counts."""
    from tests.factories import make_municipality

    return [
        make_municipality("2061011", "Białystok", 23.1, 53.1),
        make_municipality("2002093", "Supraśl", 23.3, 53.2),
        make_municipality("2012052", "Raczki", 22.8, 53.9),
    ]
