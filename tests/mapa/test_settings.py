"""Malformed settings stop start-up with a message that says how to fix them."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def start(**env):
    """Import the settings in a fresh interpreter with the given environment overrides."""
    environment = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-c", "import django; from django.conf import settings; "
         "django.setup(); print(settings.DEBUG)"],
        cwd=ROOT, env={**environment, "DJANGO_SETTINGS_MODULE": "mapa.settings"},
        capture_output=True, text=True,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG='maybe' is not a boolean"),
        ({"DATABASE_URL": "mysql://u:p@localhost/db"}, "DATABASE_URL must be a PostgreSQL URL"),
        ({"DATABASE_URL": "postgis://u:p@localhost:notaport/db"}, "DATABASE_URL is malformed"),
        ({"DATABASE_URL": "postgis://u:p@localhost:5432/"}, "DATABASE_URL names no database"),
        ({"MAPA_MAP_ZOOM": "twelve"}, "MAPA_MAP_ZOOM='twelve' is not a whole number"),
        ({"MAPA_MAP_CENTER": "53.1"}, "MAPA_MAP_CENTER='53.1' must be 2 comma-separated numbers"),
        ({"MAPA_TILE_URL": "https://tiles.example.org/tile.png"}, "MAPA_TILE_URL must contain"),
        ({"MAPA_DEFAULT_REGION": "20,podlaskie"}, "MAPA_DEFAULT_REGION contains 'podlaskie'"),
        ({"REDIS_URL": "127.0.0.1:6379"}, "REDIS_URL is malformed: it must start with redis://"),
        ({"REDIS_URL": "redis://:secret@127.0.0.1:port/0"}, "REDIS_URL is malformed: its port"),
        ({"REDIS_URL": "redis:///0"}, "REDIS_URL is malformed: it names no host"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/cache"}, "REDIS_URL is malformed: the database"),
        ({"MAPA_MEDIA_ROOT": str(ROOT / "static" / "uploads")},
         "overlaps the static files' folder"),
        ({"MAPA_IMAGE_MAX_BYTES": "ten"}, "MAPA_IMAGE_MAX_BYTES='ten' is not a whole number"),
    ],
)
def test_a_malformed_value_stops_start_up_with_its_message(env, message):
    result = start(**env)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize(("value", "expected"), [("yes", "True"), ("0", "False"), ("", "False")])
def test_debug_accepts_the_usual_boolean_spellings(value, expected):
    result = start(DEBUG=value)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_a_malformed_redis_url_is_not_repeated_with_its_password():
    result = start(REDIS_URL="redis://:hunter2@127.0.0.1:port/0")
    assert result.returncode != 0
    assert "hunter2" not in result.stderr


def printed(code, **env):
    """What `code` prints with the settings loaded in a fresh interpreter under `env`."""
    result = subprocess.run(
        [sys.executable, "-c", "import django; from django.conf import settings; "
         "django.setup(); " + code],
        cwd=ROOT, env={**os.environ, **env, "DJANGO_SETTINGS_MODULE": "mapa.settings"},
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def cache_and_sessions(**env):
    return printed("print(settings.CACHES['default']['BACKEND']); "
                   "print(settings.SESSION_ENGINE)", **env).split()


def test_without_redis_the_cache_is_local_memory_and_sessions_in_the_database():
    assert cache_and_sessions(REDIS_URL="") == [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.contrib.sessions.backends.db",
    ]


def test_redis_url_shares_the_cache_and_the_sessions_between_servers():
    # Django's Redis cache, made to survive an outage (tests/faults/test_redis_outage.py).
    assert cache_and_sessions(REDIS_URL="redis://127.0.0.1:8379/1") == [
        "practices.redis_cache.ResilientRedisCache",
        "django.contrib.sessions.backends.cached_db",
    ]


def tile_cache(**env):
    return printed("tiles = settings.CACHES.get('tiles'); "
                   "print(tiles and (tiles['BACKEND'], tiles['LOCATION']))", **env)


def test_a_tile_cache_folder_is_shared_by_the_workers_through_files(tmp_path):
    folder = tmp_path / "tiles"
    assert tile_cache(REDIS_URL="", MAPA_TILE_CACHE_DIR=str(folder)) == repr(
        ("practices.file_cache.SharedFileCache", str(folder)))


def test_without_a_tile_cache_folder_tiles_go_to_the_default_cache():
    assert tile_cache(REDIS_URL="", MAPA_TILE_CACHE_DIR="") == "None"


def test_with_redis_the_tiles_are_in_redis_whatever_the_folder(tmp_path):
    assert tile_cache(REDIS_URL="redis://127.0.0.1:8379/1",
                      MAPA_TILE_CACHE_DIR=str(tmp_path)) == "None"


def test_a_tile_cache_folder_that_is_a_file_stops_start_up(tmp_path):
    taken = tmp_path / "taken"
    taken.write_text("")
    result = start(MAPA_TILE_CACHE_DIR=str(taken))
    assert result.returncode != 0
    assert f"MAPA_TILE_CACHE_DIR={str(taken)!r} is not a directory" in result.stderr


def test_a_tile_cache_folder_other_users_may_write_stops_start_up(tmp_path):
    # Its files are unpickled: one planted by another user would run as the application.
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    result = start(REDIS_URL="", MAPA_TILE_CACHE_DIR=str(shared))
    assert result.returncode != 0
    assert f"MAPA_TILE_CACHE_DIR={str(shared)!r} is writable by other users" in result.stderr
    shared.chmod(0o700)
    assert tile_cache(REDIS_URL="", MAPA_TILE_CACHE_DIR=str(shared)) == repr(
        ("practices.file_cache.SharedFileCache", str(shared)))


def gunicorn_tile_folder(tmp_path, **env):
    """MAPA_TILE_CACHE_DIR once mapa/gunicorn_conf.py has read the environment and `.env`."""
    environment = {key: value for key, value in os.environ.items()
                   if key != "MAPA_TILE_CACHE_DIR"}
    result = subprocess.run(
        [sys.executable, "-c", "import os, mapa.gunicorn_conf; "
         "print(repr(os.environ.get('MAPA_TILE_CACHE_DIR')))"],
        cwd=ROOT, env={**environment, **env}, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_gunicorn_shares_the_tiles_in_the_checkouts_folder_unless_told_otherwise(tmp_path):
    # `make serve` and a deployment: a value from the environment (or .env) is kept.
    assert gunicorn_tile_folder(tmp_path) == repr(str(ROOT / "var" / "tile-cache"))
    assert gunicorn_tile_folder(tmp_path, MAPA_TILE_CACHE_DIR="") == repr("")
    elsewhere = str(tmp_path / "tiles")
    assert gunicorn_tile_folder(tmp_path, MAPA_TILE_CACHE_DIR=elsewhere) == repr(elsewhere)
