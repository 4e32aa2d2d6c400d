"""GDAL's OGC API – Features driver reads both collections of a live server completely,
following the next links, with the API's counts."""
import re
import shutil
import subprocess

from tests.practices.api import world as world_module

OGRINFO = shutil.which("ogrinfo") or "/usr/bin/ogrinfo"
ENV = {"GDAL_HTTP_TIMEOUT": "30", "CPL_DEBUG": "OFF", "PATH": "/usr/bin:/bin"}


def ogrinfo(*args):
    result = subprocess.run([OGRINFO, "-ro", *args], capture_output=True, text=True,
                            timeout=120, env=ENV)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_ogrinfo_lists_and_reads_both_collections(live_server, transactional_db):
    world_module.build()
    service = f"OAPIF:{live_server.url}/ogc"
    listing = ogrinfo("-so", service)
    assert "1: practices" in listing and "(Point)" in listing
    assert "2: municipalities" in listing and "(Multi Polygon)" in listing
    # A page of 2 features: reading everything means following the next links.
    practices = ogrinfo("-al", "-q", "-oo", "PAGE_SIZE=2", service, "practices")
    slugs = re.findall(r"^  slug \(String\) = (.+)$", practices, re.M)
    assert sorted(slugs) == world_module.ALL_PUBLISHED
    gminy = ogrinfo("-al", "-q", "-oo", "PAGE_SIZE=3", service, "municipalities")
    assert len(re.findall(r"^OGRFeature\(municipalities\)", gminy, re.M)) == 4
    assert re.findall(r"^  practice_count \(Integer\) = (\d+)$", gminy, re.M) == [
        "1", "1", "3", "2"]
