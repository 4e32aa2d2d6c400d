"""/healthz tells a load balancer whether this server can reach PostgreSQL with PostGIS (the
outage itself is in tests/faults/test_database_outage.py)."""
import pytest

pytestmark = pytest.mark.django_db


def test_health_reports_the_database_and_postgis(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "postgis": "3.3.2"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True)  # autocommit, as on a server
def test_health_reports_503_when_postgis_is_missing(client):
    from django.db import connection

    # Hide PostGIS for this connection only: nothing outside the test sees a change.
    with connection.cursor() as cursor:
        cursor.execute("SET search_path TO pg_catalog")
    try:
        response = client.get("/healthz")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET search_path")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {"status": "unavailable", "database": "ok",
                               "postgis": "unavailable", "error": "ProgrammingError"}
