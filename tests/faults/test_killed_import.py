"""A boundary import killed midway (SIGKILL, after it has written rows in its transaction)
leaves the database exactly as it was: PostgreSQL rolls the open transaction back."""
import os
import signal
import subprocess
import sys
import time

import pytest

from geodata.importers import import_boundaries
from geodata.models import County, Municipality, Voivodeship
from tests.conftest import shared_geodata
from tests.faults.conftest import ROOT, backends, database_url
from tests.fixed_ports import FIXED_PORTS

pytestmark = [FIXED_PORTS, pytest.mark.django_db(transaction=True)]


def snapshot():
    return (
        Voivodeship.objects.count(), County.objects.count(), Municipality.objects.count(),
        sorted(County.objects.values_list("teryt", "name")),
    )


def test_an_import_killed_after_writing_leaves_the_database_as_before():
    for name in ("wojewodztwa_pl", "powiaty_pl"):
        import_boundaries(shared_geodata() / f"{name}.geojson", voivodeships=("20", "28"))
    before = snapshot()
    assert before[2] == 0
    command = subprocess.Popen(
        [sys.executable, "manage.py", "import_boundaries",
         str(shared_geodata() / "gminy_20_28.geojson"), "--voivodeship", "20", "28"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": database_url()},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        # Its transaction has written (it holds a transaction id): kill it there.
        deadline = time.monotonic() + 120
        writing = []
        while not writing and time.monotonic() < deadline and command.poll() is None:
            writing = backends("backend_xid IS NOT NULL")
            time.sleep(0.02)
        assert writing, "the import finished or never wrote before it could be killed"
        os.kill(command.pid, signal.SIGKILL)
        command.wait()
    finally:
        if command.poll() is None:
            command.kill()
    # PostgreSQL notices the closed connection and rolls the transaction back.
    deadline = time.monotonic() + 30
    while backends("backend_xid IS NOT NULL") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert snapshot() == before
