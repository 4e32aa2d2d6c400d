"""The production profile: `check --deploy` is clean under the documented environment, the
example secrets of .env.example are refused, the media folder is checked at start-up, and the
database limits and planner settings reach every connection."""
import os
import subprocess
import sys

import pytest

from tests.mapa.test_settings import ROOT, start

PRODUCTION = {
    "DEBUG": "0", "MAPA_SITE_URL": "https://mapa.example.pl", "ALLOWED_HOSTS": "mapa.example.pl",
    "MAPA_MANIFEST_STATIC": "1",
}


def check_deploy(**env):
    # The browser tests' conftest allows async-unsafe calls in this process; a deployment
    # never does (check --deploy refuses it), so the server's environment leaves it out.
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env={**environment, **env}, capture_output=True, text=True,
    )


def test_check_deploy_finds_nothing_under_the_documented_production_environment():
    result = check_deploy(**PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_when_the_site_is_not_declared_https():
    result = check_deploy(**{**PRODUCTION, "MAPA_SITE_URL": "http://mapa.example.pl"})
    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SECRET_KEY": "change-me-to-a-long-random-string"},
         "SECRET_KEY is the placeholder from .env.example"),
        ({"DATABASE_URL": "postgis://mapa:CHANGE-ME@127.0.0.1:5432/mapa"},
         "DATABASE_URL uses the placeholder password from .env.example"),
        ({"MAPA_MEDIA_ROOT": str(ROOT / "pyproject.toml")}, "is not a directory"),
        ({"MAPA_MEDIA_ROOT": "/no/such/parent/media"}, "its parent folder is not writable"),
        ({"MAPA_SITE_URL": "mapa.example.pl"}, "MAPA_SITE_URL='mapa.example.pl' must start"),
        ({"MAPA_DB_STATEMENT_TIMEOUT": "30s"}, "MAPA_DB_STATEMENT_TIMEOUT='30s' is not a whole"),
        ({"MAPA_DB_RANDOM_PAGE_COST": "fast"}, "MAPA_DB_RANDOM_PAGE_COST='fast' is not a number"),
        ({"MAPA_DB_RANDOM_PAGE_COST": "0"}, "MAPA_DB_RANDOM_PAGE_COST='0' is out of range"),
        ({"MAPA_LOG_LEVEL": "LOUD"}, "MAPA_LOG_LEVEL='LOUD'"),
    ],
)
def test_an_unsafe_or_malformed_production_value_stops_start_up(env, message):
    result = start(**env)
    assert result.returncode != 0
    assert message in result.stderr


def test_an_existing_writable_media_folder_is_accepted(tmp_path):
    result = start(MAPA_MEDIA_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_every_connection_has_the_statement_and_idle_transaction_limits():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        statement = cursor.fetchone()[0]
        cursor.execute("SHOW idle_in_transaction_session_timeout")
        idle = cursor.fetchone()[0]
    assert (statement, idle) == ("30s", "1min")


@pytest.mark.django_db
def test_every_connection_has_the_planner_costs_of_data_in_memory():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('jit'), current_setting('random_page_cost')")
        assert cursor.fetchone() == ("off", "1.1")
