"""Without Debian's hunspell-pl on the database server, the search migration stops with a
message saying what to install."""
import importlib

import pytest
from django.core.management.base import CommandError
from django.db import connection, transaction

migration = importlib.import_module("practices.migrations.0003_search")


class SchemaEditor:
    connection = connection


def test_a_missing_polish_dictionary_stops_the_migration_saying_what_to_install(
    db, monkeypatch
):
    monkeypatch.setattr(migration, "DICTIONARY", "mapa_test_missing")
    monkeypatch.setattr(migration, "DICTIONARY_FILES", "pl_missing")
    with pytest.raises(CommandError) as caught, transaction.atomic():
        migration.create_dictionary(None, SchemaEditor())
    message = str(caught.value)
    assert "apt-get install hunspell-pl" in message
    assert "pl_missing" in message  # PostgreSQL's own words name the file


def test_the_installed_dictionary_stems_polish(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT ts_lexize('mapa_polish_ispell', 'budżetu')")
        assert cursor.fetchone() == (["budżet"],)
