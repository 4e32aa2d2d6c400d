"""schemathesis, with all its checks, finds nothing wrong with the API: no 5xx, every response
conforming to the published schema, every schema-valid request accepted and every
schema-violating one refused.

It runs the real CLI (coverage and fuzzing phases, a bounded number of examples per operation,
a fixed seed) against a live server holding the API tests' world. Two rules no schema can
express are put right by tests/practices/api/schemathesis_hooks.py.
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
    """The one published case's slug for /api/practices/{slug}/: random slugs only reach 404."""
    path = tmp_path / "schemathesis.toml"
    path.write_text(
        '[[operations]]\ninclude-path = "/api/practices/{slug}/"\n'
        'parameters = { "path.slug" = "bo-bialystok-2019" }\n'
    )
    return path


def test_schemathesis_finds_no_failure(live_server, transactional_db, config, tmp_path):
    world.build()
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.practices.api.schemathesis_hooks",
           "PYTHONPATH": str(settings.BASE_DIR)}
    result = schemathesis_cli.run(
        [str(SCHEMATHESIS), "--config-file", str(config), "run",
         f"{live_server.url}/api/schema/", "--checks", "all", "-n", str(EXAMPLES),
         "--seed", SEED, "--phases", "examples,coverage,fuzzing", "--workers", "2"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=240,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    # Every operation of the schema was exercised (none filtered out).
    assert re.search(r"Operations: +(\d+) selected / \1 total", result.stdout), result.stdout[:800]
