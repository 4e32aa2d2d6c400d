"""Polish full-text search: text search configurations and the triggers that keep
Practice.search_vector current (see practices/domain/search.py for how queries use them).

- `mapa_polish_ispell`: Debian's hunspell-pl converted by pg_updatedicts into the `pl_pl`
  ispell files of the database server; `mapa_polish` maps words through it, then `simple`
  for words it does not know.
- `mapa_unaccent`: words through `unaccent`, then `simple` ("Ełk" -> "elk").
- `practices_document()` builds the vector: title and gmina name weigh A, summary B,
  description C, each through both configurations.
- A BEFORE trigger on practices_practice fills it on insert and when a text or the gmina
  changes, so bulk_create and raw SQL writes stay searchable; an AFTER trigger on
  geodata_municipality refreshes the cases of a renamed gmina.

A database restored elsewhere needs hunspell-pl on that server too.
"""
from django.core.management.base import CommandError
from django.db import DatabaseError, migrations

DICTIONARY = "mapa_polish_ispell"
DICTIONARY_FILES = "pl_pl"  # pl_pl.dict and pl_pl.affix in PostgreSQL's tsearch_data
MISSING_DICTIONARY = (
    "The Polish dictionary for full-text search is missing on the database server "
    "(PostgreSQL said: {error}). Install it there with `apt-get install hunspell-pl` "
    "(Debian's postgresql-common converts it into the pl_pl ispell files), then run "
    "`manage.py migrate` again."
)

CONFIGURATIONS = """
CREATE TEXT SEARCH CONFIGURATION mapa_polish (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION mapa_polish
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH mapa_polish_ispell, simple;
CREATE TEXT SEARCH CONFIGURATION mapa_unaccent (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION mapa_unaccent
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH unaccent, simple;
"""

TRIGGERS = """
CREATE FUNCTION practices_document(title text, summary text, description text, gmina text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('mapa_polish', coalesce(title, ''))
                     || to_tsvector('mapa_unaccent', coalesce(title, ''))
                     || to_tsvector('mapa_polish', coalesce(gmina, ''))
                     || to_tsvector('mapa_unaccent', coalesce(gmina, '')), 'A')
        || setweight(to_tsvector('mapa_polish', coalesce(summary, ''))
                     || to_tsvector('mapa_unaccent', coalesce(summary, '')), 'B')
        || setweight(to_tsvector('mapa_polish', coalesce(description, ''))
                     || to_tsvector('mapa_unaccent', coalesce(description, '')), 'C')
$$;

CREATE FUNCTION practices_practice_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := practices_document(
        NEW.title, NEW.summary, NEW.description,
        (SELECT name FROM geodata_municipality WHERE teryt = NEW.municipality_id));
    RETURN NEW;
END
$$;

CREATE TRIGGER practices_practice_search_vector
    BEFORE INSERT OR UPDATE OF title, summary, description, municipality_id
    ON practices_practice
    FOR EACH ROW EXECUTE FUNCTION practices_practice_search_vector();

CREATE FUNCTION practices_gmina_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE practices_practice
       SET search_vector = practices_document(title, summary, description, NEW.name)
     WHERE municipality_id = NEW.teryt;
    RETURN NULL;
END
$$;

CREATE TRIGGER practices_gmina_renamed
    AFTER UPDATE OF name ON geodata_municipality
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION practices_gmina_renamed();

-- Cases that existed before this migration.
UPDATE practices_practice SET title = title;
"""

DROP = """
DROP TRIGGER IF EXISTS practices_gmina_renamed ON geodata_municipality;
DROP FUNCTION IF EXISTS practices_gmina_renamed();
DROP TRIGGER IF EXISTS practices_practice_search_vector ON practices_practice;
DROP FUNCTION IF EXISTS practices_practice_search_vector();
DROP FUNCTION IF EXISTS practices_document(text, text, text, text);
DROP TEXT SEARCH CONFIGURATION IF EXISTS mapa_unaccent;
DROP TEXT SEARCH CONFIGURATION IF EXISTS mapa_polish;
DROP TEXT SEARCH DICTIONARY IF EXISTS mapa_polish_ispell;
"""


def create_dictionary(apps, schema_editor):
    """PostgreSQL reads the ispell files when the dictionary is created, so a missing
    hunspell-pl fails here, and the message says how to fix it."""
    with schema_editor.connection.cursor() as cursor:
        try:
            cursor.execute(
                f"CREATE TEXT SEARCH DICTIONARY {DICTIONARY} (TEMPLATE = ispell, "
                f"DictFile = {DICTIONARY_FILES}, AffFile = {DICTIONARY_FILES})"
            )
        except DatabaseError as error:
            raise CommandError(MISSING_DICTIONARY.format(error=str(error).strip())) from error


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0002_tools"),
        ("geodata", "0001_initial"),
    ]

    operations = [
        # Kept on reverse: `bin/setup-db` creates them (as the superuser), other apps may use
        # them, and the application role could not drop them anyway.
        migrations.RunSQL(
            "CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm;",
            migrations.RunSQL.noop,
        ),
        migrations.RunPython(create_dictionary, migrations.RunPython.noop),
        migrations.RunSQL(CONFIGURATIONS + TRIGGERS, DROP),
    ]
