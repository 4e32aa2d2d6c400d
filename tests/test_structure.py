"""The layout docs/architecture.md describes: modules stay small enough to read in one go.
(Which part may import which is checked by the import-linter contracts that `make test`
runs before this suite.)"""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("mapa", "practices", "geodata")
MAX_LINES = 400


def modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path.relative_to(ROOT)


@pytest.mark.parametrize("module", list(modules()), ids=str)
def test_no_module_is_over_400_lines(module):
    lines = len((ROOT / module).read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module} has {lines} lines: split it by responsibility"


def test_there_is_no_grab_bag_module():
    names = {path.stem for path in modules()}
    assert not names & {"utils", "helpers", "misc", "common"}
