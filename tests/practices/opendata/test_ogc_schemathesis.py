"""schemathesis, with all its checks, finds nothing wrong with the OGC API – Features service
against its own OpenAPI definition (/ogc/api): no 5xx, every response's status, media type and
body as declared, every schema-valid request accepted and every schema-violating one refused,
405 with Allow for the methods the service does not offer.

It runs the real CLI (examples, coverage and fuzzing phases, a bounded number of examples per
operation, a fixed seed) against a live server holding the API tests' world, as
tests/practices/api/test_schemathesis.py does for /api/. Two rules no schema can express are
put right by tests/practices/opendata/schemathesis_hooks.py.
"""
import os
import re
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests import schemathesis_cli
from tests.practices.api import world

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
# Random examples per operation in the fuzzing phase. The coverage phase, which this does not
# bound, already sends every operation its boundary values, each parameter missing, every
# schema-violating value and the methods it does not offer (most of the run's requests);
# the seeded fuzzing phase replays the same examples every run, and tests/fuzz sends any
# Unicode query to every route. 15 keep random combinations of parameters for each
# operation at half the fuzzing time of 30.
EXAMPLES = 15
SEED = "20261201"


@pytest.fixture
def config(tmp_path):
    """Białystok's TERYT for items/{featureId}: random digits only reach 404."""
    path = tmp_path / "schemathesis.toml"
    path.write_text(
        '[[operations]]\ninclude-path = "/ogc/collections/{collectionId}/items/{featureId}"\n'
        'parameters = { "path.featureId" = "2061011" }\n'
    )
    return path


def test_schemathesis_finds_no_failure_in_the_ogc_api(live_server, transactional_db, config,
                                                      tmp_path):
    world.build()
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.practices.opendata.schemathesis_hooks",
           "PYTHONPATH": str(settings.BASE_DIR)}
    result = schemathesis_cli.run(
        [str(SCHEMATHESIS), "--config-file", str(config), "run",
         f"{live_server.url}/ogc/api?f=json", "--checks", "all", "-n", str(EXAMPLES),
         "--seed", SEED, "--phases", "examples,coverage,fuzzing", "--workers", "2"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=240,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    # Every operation of the definition was exercised (none filtered out).
    assert re.search(r"Operations: +(\d+) selected / \1 total", result.stdout), result.stdout[:800]
