"""GDAL reads /api/practices/ of a live server as GeoJSON with the right feature count."""
import re
import shutil
import subprocess

import pytest

from tests.practices.api import world as world_module

OGRINFO = shutil.which("ogrinfo") or "/usr/bin/ogrinfo"


@pytest.mark.skipif(not shutil.which("ogrinfo"), reason="GDAL's ogrinfo is not installed")
@pytest.mark.parametrize(("query", "count"), [("", 7), ("?tool=budzet-obywatelski", 3),
                                              ("?limit=2&offset=1", 2)])
def test_ogrinfo_counts_the_features(live_server, transactional_db, query, count):
    world_module.build()
    url = f"{live_server.url}/api/practices/{query}"
    result = subprocess.run(
        [OGRINFO, "-ro", "-so", "-al", url],
        capture_output=True, text=True, timeout=60,
        env={"GDAL_HTTP_TIMEOUT": "30", "CPL_DEBUG": "OFF", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert re.search(rf"^Feature Count: {count}$", result.stdout, re.M), result.stdout
    assert "Geometry: Point" in result.stdout
    assert 'ID["EPSG",4326]' in result.stdout or "WGS 84" in result.stdout
