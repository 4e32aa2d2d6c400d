"""`make backup` then `make restore` (bin/backup) into a new, empty database gives back the
same site: every table's row count, every geometry, the Polish full-text search (hunspell
dictionary included) and the uploaded media files. A non-empty database is refused."""
import os
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from tests.factories import make_practice

BACKUP = [sys.executable, str(settings.BASE_DIR / "bin" / "backup")]


def dsn(name):
    db = settings.DATABASES["default"]
    return (f"host={db['HOST'] or '127.0.0.1'} port={db['PORT'] or 5432} user={db['USER']} "
            f"password={db['PASSWORD']} dbname={name}")


def url(name):
    db = settings.DATABASES["default"]
    return (f"postgis://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{name}")


def fingerprint(conn):
    """Row counts of every table, a checksum of every geometry, a Polish search's answer."""
    with conn.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                       "AND tablename <> 'spatial_ref_sys' ORDER BY 1")
        counts = {}
        for (table,) in cursor.fetchall():
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
        cursor.execute("SELECT f_table_name, f_geometry_column FROM geometry_columns "
                       "WHERE f_table_schema = 'public' ORDER BY 1, 2")
        geometries = {}
        for table, column in cursor.fetchall():
            cursor.execute(
                f'SELECT md5(coalesce(string_agg(md5(ST_AsEWKB("{column}")), \'\' '
                f'ORDER BY md5(ST_AsEWKB("{column}"))), \'\')) FROM "{table}"'
            )
            geometries[f"{table}.{column}"] = cursor.fetchone()[0]
        cursor.execute("SELECT slug FROM practices_practice WHERE search_vector @@ "
                       "to_tsquery('mapa_polish', 'budżetu') ORDER BY slug")
        found = [row[0] for row in cursor.fetchall()]
    return counts, geometries, found


@pytest.fixture
def scratch():
    """A new database made by the application role (from template1, so with the extensions),
    dropped afterwards."""
    name = f"test_mapa_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dsn("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(dsn("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(args, database, media):
    env_url = {"DATABASE_URL": url(database)}
    return subprocess.run([*BACKUP, *args, "--media-root", str(media)], capture_output=True,
                          text=True, env={**os.environ, **env_url}, cwd=settings.BASE_DIR)


def test_a_backup_restores_into_an_empty_database_as_it_was(
        transactional_db, ne_boundaries, scratch, tmp_path):
    gmina = ne_boundaries.get(teryt="2061011")
    make_practice(gmina, title="Budżet obywatelski Białegostoku", slug="bo-bialystok")
    make_practice(gmina, tool_slug="konsultacje", title="Konsultacje parku", slug="park")
    media = tmp_path / "media"
    (media / "practices" / "photos").mkdir(parents=True)
    (media / "practices" / "photos" / "zdjęcie.jpg").write_bytes(bytes(range(256)) * 40)
    (media / "readme.txt").write_text("Ełk")
    source = connection.settings_dict["NAME"]

    made = run(["create", "--output", str(tmp_path / "backups")], source, media)
    assert made.returncode == 0, made.stderr
    archive, = (tmp_path / "backups").glob("mapa-*.tar")
    restored_media = tmp_path / "restored"
    done = run(["restore", str(archive)], scratch, restored_media)
    assert done.returncode == 0, done.stderr

    with psycopg.connect(dsn(source)) as before, psycopg.connect(dsn(scratch)) as after:
        expected, actual = fingerprint(before), fingerprint(after)
    assert actual == expected
    counts, geometries, found = actual
    assert counts["geodata_municipality"] == 234 and counts["practices_practice"] == 2
    assert found == ["bo-bialystok"]
    assert len(geometries) >= 4
    files = sorted(p.relative_to(media) for p in media.rglob("*") if p.is_file())
    assert sorted(p.relative_to(restored_media) for p in restored_media.rglob("*")
                  if p.is_file()) == files
    for path in files:
        assert (restored_media / path).read_bytes() == (media / path).read_bytes()

    again = run(["restore", str(archive)], scratch, tmp_path / "other-media")
    assert again.returncode == 1
    assert "refusing to restore over existing data" in again.stderr
    assert "FORCE=1" in again.stderr
