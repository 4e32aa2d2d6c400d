"""Every connection of the site runs with PostgreSQL's JIT compilation off: the map's queries
cross jit_above_cost through PostGIS's function costs, and compiling costs more than it saves
before the first row of a streamed answer (bench/api.py)."""
import pytest


@pytest.mark.django_db
def test_every_connection_has_jit_compilation_off():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
